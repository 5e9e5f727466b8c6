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
            Element("g", Attr("class", "shapes"), Attr("stroke", "#777"), Attr("stroke-width", 0.4), shapes),
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

    private static string PathData(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> rings)
    {
        var d = new StringBuilder();
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Count; i++)
            {
                var (x, y) = ToSvg(ring[i].Lon, ring[i].Lat);
                d.Append(i == 0 ? 'M' : 'L').Append(Number(x)).Append(',').Append(Number(y));
            }

            d.Append('Z');
        }

        return d.ToString();
    }
}
