using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters;

/// <summary>
/// Collects every HTML-bearing string of a fixture — read straight from the payload, not through the adapters' parsers,
/// so the golden files pin <c>HtmlText</c> alone — and renders what <c>HtmlText.ToPlainText</c> makes of each.
/// </summary>
internal static class HtmlTextGolden
{
    /// <summary>Feed elements whose text may carry HTML (RSS, RDF, Atom, Media RSS; <c>content:encoded</c> is "encoded").</summary>
    private static readonly HashSet<string> XmlFields = ["title", "subtitle", "summary", "content", "description", "encoded"];

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Sample(string At, string? Html);

    public sealed record Rendered(string At, string? Text);

    /// <summary>The HTML-bearing strings of <paramref name="fixture"/> in document order.</summary>
    /// <param name="fixture">A path under <c>Fixtures/</c>.</param>
    /// <param name="jsonFields">For JSON payloads, the property names whose string values are HTML.</param>
    public static IReadOnlyList<Sample> Collect(string fixture, string[] jsonFields) => Path.GetExtension(fixture) switch
    {
        ".json" when fixture.StartsWith("HtmlText/", StringComparison.Ordinal) => Fragments(fixture),
        ".json" => FromJson(fixture, jsonFields),
        ".html" => FromTelegramPage(fixture),
        _ => FromXml(fixture),
    };

    public static string Render(IEnumerable<Rendered> rendered) =>
        JsonSerializer.Serialize(rendered, Options).ReplaceLineEndings("\n") + "\n";

    public static string GoldenPath(string fixture) => Path.ChangeExtension(fixture, ".html-text.json");

    private static IReadOnlyList<Sample> Fragments(string fixture) =>
        JsonSerializer.Deserialize<string[]>(Fixtures.ReadText(fixture))!.Select((html, i) => new Sample($"[{i}]", html)).ToArray();

    private static IReadOnlyList<Sample> FromXml(string fixture)
    {
        var document = XDocument.Parse(Fixtures.ReadText(fixture));
        return document.Descendants()
            .Where(e => XmlFields.Contains(e.Name.LocalName) && !e.HasElements || IsXhtml(e))
            .Select(e => new Sample(PathOf(e), IsXhtml(e) ? string.Concat(e.Nodes()) : e.Value))
            .ToArray();
    }

    private static bool IsXhtml(XElement element) => (string?)element.Attribute("type") == "xhtml";

    private static string PathOf(XElement element) => string.Join('/', element.AncestorsAndSelf().Reverse().Select(e =>
    {
        var position = e.ElementsBeforeSelf(e.Name).Count();
        return position == 0 ? e.Name.LocalName : $"{e.Name.LocalName}[{position}]";
    }));

    private static IReadOnlyList<Sample> FromJson(string fixture, string[] fields)
    {
        var samples = new List<Sample>();
        Walk(JsonNode.Parse(Fixtures.ReadText(fixture)), "$", fields, samples);
        return samples;
    }

    private static void Walk(JsonNode? node, string path, string[] fields, List<Sample> samples)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var html) && fields.Contains(name))
                    {
                        samples.Add(new Sample($"{path}.{name}", html));
                    }
                    else
                    {
                        Walk(value, $"{path}.{name}", fields, samples);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", fields, samples);
                }

                break;
        }
    }

    /// <summary>Every message text block of a t.me preview page, as the Telegram adapter hands it over.</summary>
    private static IReadOnlyList<Sample> FromTelegramPage(string fixture)
    {
        using var document = new HtmlParser().ParseDocument(Fixtures.ReadText(fixture));
        return document.QuerySelectorAll(".tgme_widget_message_text")
            .Select((e, i) => new Sample($"{e.Closest("[data-post]")?.GetAttribute("data-post")} text[{i}]", e.InnerHtml))
            .ToArray();
    }
}
