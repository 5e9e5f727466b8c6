using System.Xml.Linq;
using static Monitor.Core.Activity.Study.Svg.SvgElements;

namespace Monitor.Core.Activity.Study.Svg;

/// <summary>Platform adoption: per platform a step line of accounts present on or before each year's end.</summary>
internal static class AdoptionChartSvg
{
    private const double Width = 640, Height = 240, Left = 40, Right = 110, Top = 10, Bottom = 24;
    private static readonly string[] Colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];

    public static XElement Render(IReadOnlyList<AdoptionSeries> series)
    {
        var points = series.SelectMany(s => s.Years).ToArray();
        if (points.Length == 0)
        {
            return Chart(Width, 30, "No account has a stored post yet", Text(Left, 20, "No account has a stored post yet."));
        }

        var first = points.Min(p => p.Year);
        var last = points.Max(p => p.Year);
        var max = Math.Max(points.Max(p => p.Accounts), 1);
        double X(int year) => Left + (last == first ? 0.5 : (double)(year - first) / (last - first)) * (Width - Left - Right);
        double Y(int accounts) => Top + (1 - (double)accounts / max) * (Height - Top - Bottom);
        var axes = new List<XElement>
        {
            Element("line", Attr("x1", Left), Attr("y1", Y(0)), Attr("x2", Width - Right), Attr("y2", Y(0)), Attr("class", "axis")),
            Text(Left - 4, Y(max) + 4, max.ToString(System.Globalization.CultureInfo.InvariantCulture), "label", "end"),
            Text(Left - 4, Y(0) + 4, "0", "label", "end"),
        };
        axes.AddRange(Enumerable.Range(first, last - first + 1).Where(y => (y - first) % Math.Max(1, (last - first + 1) / 8) == 0)
            .Select(y => Text(X(y), Height - 6, y.ToString(System.Globalization.CultureInfo.InvariantCulture), "label", "middle")));
        var lines = series.Where(s => s.Years.Count > 0).Select((s, i) =>
        {
            var colour = Colours[i % Colours.Length];
            var path = string.Join(" ", s.Years.Select(p => $"{Number(X(p.Year))},{Number(Y(p.Accounts))}"));
            var end = s.Years[^1];
            return Element("g",
                Element("polyline", Attr("points", path), Attr("fill", "none"), Attr("stroke", colour), Attr("stroke-width", 2)),
                s.Years.Select(p => Element("circle", Attr("cx", X(p.Year)), Attr("cy", Y(p.Accounts)), Attr("r", 3), Attr("fill", colour))),
                Text(X(end.Year) + 6, Y(end.Accounts) + 4, $"{s.Platform} {end.Accounts}", "label"));
        });
        return Chart(Width, Height, "Accounts per platform present on or before each year", axes, lines);
    }
}
