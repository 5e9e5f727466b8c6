using System.Text;
using System.Xml.Linq;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Reference;
using static Monitor.Core.Activity.Study.Svg.SvgElements;

namespace Monitor.Core.Activity.Study.Svg;

/// <summary>
/// The presence map: member states coloured by the number of platforms they are listed on, in the Equal Earth
/// projection. Every member is one element with <c>data-country</c>: its shape, or a marker at its representative point
/// when the 1:110m boundaries leave it out. Other areas are drawn grey, without data.
/// </summary>
internal static class PresenceMapSvg
{
    public const double Width = 960;
    private const string ClipId = "globe";
    private const double SouthernEdge = -58; // Antarctica is left out; the map ends below Tierra del Fuego.
    private const string AntarcticaNumeric = "010";
    private static readonly string[] Blues = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b"];
    public const string UntrackedFill = "#ffffff";
    public const string AbsentFill = "#f4a582";
    public const string OtherFill = "#d9d9d9";

    private static readonly double Scale = Width / (2 * EqualEarthProjection.Project(180, 0).X);
    private static readonly double Top = EqualEarthProjection.Project(0, 90).Y;
    private static readonly double Height = (Top - EqualEarthProjection.Project(0, SouthernEdge).Y) * Scale;

    public static XElement Render(MembershipPresence presence, int platforms)
    {
        var states = presence.States.Concat(presence.Observers).ToDictionary(s => s.Country, StringComparer.Ordinal);
        var numeric = UnStates.Members.Concat(UnStates.Observers).ToDictionary(s => s.Numeric, StringComparer.Ordinal);
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new List<XElement>();
        foreach (var shape in WorldBoundaries.All.Where(s => s.Numeric != AntarcticaNumeric))
        {
            var state = shape.Numeric is { } code && numeric.TryGetValue(code, out var s) ? states.GetValueOrDefault(s.Alpha3) : null;
            shapes.Add(state is null
                ? Element("path", Attr("d", PathData(shape.Rings)), Attr("fill", OtherFill), Element("title", shape.Name))
                : Element("path", Attr("d", PathData(shape.Rings)), Attr("fill", Fill(state, platforms)), Attr("data-country", state.Country),
                    Element("title", Title(state))));
            if (state is not null)
            {
                drawn.Add(state.Country);
            }
        }

        var markers = UnStates.Members.Concat(UnStates.Observers).Where(s => !drawn.Contains(s.Alpha3)).Select(s =>
        {
            var (x, y) = ToSvg(s.Longitude, s.Latitude);
            var state = states[s.Alpha3];
            return Element("circle", Attr("cx", x), Attr("cy", y), Attr("r", 3.2), Attr("fill", Fill(state, platforms)),
                Attr("class", "marker"), Attr("data-country", state.Country), Element("title", Title(state)));
        });
        return Root(Width, Height, "World map of UN member states coloured by the number of platforms they are present on",
            Element("defs", Element("clipPath", Attr("id", ClipId), Element("path", Attr("d", Outline())))),
            Element("path", Attr("d", Outline()), Attr("fill", "#f7fbff"), Attr("stroke", "#bbb"), Attr("stroke-width", 0.5)),
            Element("g", Attr("class", "shapes"), Attr("clip-path", $"url(#{ClipId})"), Attr("stroke", "#777"), Attr("stroke-width", 0.4), shapes),
            Element("g", Attr("class", "markers"), Attr("stroke", "#333"), Attr("stroke-width", 0.6), markers));
    }

    /// <summary>Legend entries: fill and label, from "not tracked" to "on all N platforms".</summary>
    public static IReadOnlyList<(string Fill, string Label)> Legend(int platforms) =>
    [
        (UntrackedFill, "not tracked"),
        (AbsentFill, "tracked, on no platform"),
        .. Enumerable.Range(1, Math.Max(platforms, 1)).Select(n => (Blue(n, platforms), n == 1 ? "1 platform" : $"{n} platforms")),
        (OtherFill, "not a UN member or observer"),
    ];

    private static string Fill(MemberPresence state, int platforms) =>
        !state.Tracked ? UntrackedFill : state.Listed.Count == 0 ? AbsentFill : Blue(state.Listed.Count, platforms);

    // Spread the platform counts over the whole ramp; a single platform takes a middle shade.
    private static string Blue(int count, int platforms) => platforms <= 1
        ? Blues[3]
        : Blues[(int)Math.Round((double)(Math.Clamp(count, 1, platforms) - 1) / (platforms - 1) * (Blues.Length - 1))];

    private static string Title(MemberPresence state) =>
        !state.Tracked ? $"{state.Name}: not tracked"
        : state.Listed.Count == 0 ? $"{state.Name}: on no platform"
        : $"{state.Name}: {string.Join(", ", state.Listed)}";

    private static (double X, double Y) ToSvg(double longitude, double latitude)
    {
        var (x, y) = EqualEarthProjection.Project(longitude, Math.Max(latitude, SouthernEdge));
        return (Width / 2 + x * Scale, (Top - y) * Scale);
    }

    // The outline of the globe in this projection: the meridians ±180° from the southern edge to the pole.
    private static string Outline()
    {
        var east = Enumerable.Range(0, 60).Select(i => SouthernEdge + ((90 - SouthernEdge) * i / 59)).Select(lat => ToSvg(180, lat));
        var west = Enumerable.Range(0, 60).Select(i => 90 - ((90 - SouthernEdge) * i / 59)).Select(lat => ToSvg(-180, lat));
        return "M" + string.Join("L", east.Concat(west).Select(p => $"{Number(p.X)},{Number(p.Y)}")) + "Z";
    }

    /// <summary>
    /// SVG path data of the rings. world-atlas keeps shapes whole across the antimeridian (Russia, Fiji): such a ring's
    /// longitudes are unwrapped to run on continuously past ±180°, and the ring is drawn a second time 360° over;
    /// the globe's outline clips both, so each half shows on its side.
    /// </summary>
    private static string PathData(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> rings)
    {
        var d = new StringBuilder();
        foreach (var ring in rings)
        {
            var unwrapped = Unwrap(ring, out var crosses);
            Append(d, unwrapped, 0);
            if (crosses)
            {
                Append(d, unwrapped, unwrapped.Average(p => p.Lon) > 0 ? -360 : 360);
            }
        }

        return d.ToString();
    }

    private static List<(double Lon, double Lat)> Unwrap(IReadOnlyList<(double Lon, double Lat)> ring, out bool crosses)
    {
        var points = new List<(double Lon, double Lat)>(ring.Count);
        var shift = 0d;
        crosses = false;
        for (var i = 0; i < ring.Count; i++)
        {
            if (i > 0 && Math.Abs(ring[i].Lon - ring[i - 1].Lon) > 180)
            {
                shift += ring[i].Lon < ring[i - 1].Lon ? 360 : -360;
                crosses = true;
            }

            points.Add((ring[i].Lon + shift, ring[i].Lat));
        }

        return points;
    }

    private static void Append(StringBuilder d, List<(double Lon, double Lat)> ring, double shift)
    {
        for (var i = 0; i < ring.Count; i++)
        {
            var (x, y) = ToSvg(ring[i].Lon + shift, ring[i].Lat);
            d.Append(i == 0 ? 'M' : 'L').Append(Number(x)).Append(',').Append(Number(y));
        }

        d.Append('Z');
    }
}
