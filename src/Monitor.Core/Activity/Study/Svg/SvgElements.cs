using System.Globalization;
using System.Xml.Linq;

namespace Monitor.Core.Activity.Study.Svg;

/// <summary>Small builders for inline SVG (namespaced, so the document stays well-formed XML as well as HTML).</summary>
internal static class SvgElements
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Root(double width, double height, string label, params object[] content) =>
        new(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", label),
            content);

    /// <summary>A chart: drawn at its own size (class <c>chart</c>), not stretched to the page like the map.</summary>
    public static XElement Chart(double width, double height, string label, params object[] content) =>
        Root(width, height, label, new XAttribute("class", "chart"), content);

    public static XElement Element(string name, params object?[] content) => new(Ns + name, content);

    public static XAttribute Attr(string name, object value) =>
        new(name, value is double d ? Number(d) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);

    public static XElement Text(double x, double y, string text, string? cssClass = null, string anchor = "start") =>
        Element("text", Attr("x", x), Attr("y", y), Attr("text-anchor", anchor), cssClass is null ? null : Attr("class", cssClass), text);

    /// <summary>Invariant, at most one decimal: SVG coordinates need no more at these sizes.</summary>
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
