using System.Xml.Linq;
using static Monitor.Core.Activity.Study.Svg.SvgElements;

namespace Monitor.Core.Activity.Study.Svg;

/// <summary>A horizontal bar chart: one labelled bar per entry, scaled to the largest value.</summary>
internal static class BarChartSvg
{
    private const double Width = 640, LabelWidth = 260, ValueWidth = 70, Row = 20, Bar = 14;

    public static XElement Render(string label, IReadOnlyList<(string Label, double Value, string ValueText)> bars)
    {
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), double.Epsilon);
        var span = Width - LabelWidth - ValueWidth;
        return Chart(Width, Math.Max(bars.Count, 1) * Row + 4, label, bars.Select((b, i) =>
        {
            var y = i * Row + 2;
            return Element("g",
                Text(LabelWidth - 6, y + Bar - 3, b.Label, "label", "end"),
                Element("rect", Attr("x", LabelWidth), Attr("y", y), Attr("width", Math.Max(b.Value / max * span, 0.5)), Attr("height", Bar), Attr("class", "bar")),
                Text(LabelWidth + Math.Max(b.Value / max * span, 0.5) + 4, y + Bar - 3, b.ValueText, "value"));
        }));
    }
}
