using Monitor.Core.Adapters;

namespace Monitor.Bench.PlainText;

/// <summary>
/// Before timing anything: the token walk must give the DOM baseline's text on every fragment of the corpus (farm
/// bodies and random tag soup), and the share it handles without falling back to the DOM is reported.
/// </summary>
internal static class PlainTextAgreement
{
    public static bool Check(TextWriter output, int randomCount)
    {
        var total = 0;
        var walked = 0;
        var mismatches = new List<(string Html, string? Expected, string? Actual)>();
        foreach (var html in PlainTextDocuments.Corpus(randomCount))
        {
            total++;
            var expected = DomHtmlText.ToPlainText(html);
            var actual = HtmlText.ToPlainText(html);
            if (expected != actual)
            {
                mismatches.Add((html, expected, actual));
            }

            if (HtmlTokenText.TryAppend(html, new PlainTextBuilder(html.Length)))
            {
                walked++;
            }
        }

        output.WriteLine($"Cross-check: {total} fragments, {mismatches.Count} differ from the DOM baseline; "
            + $"{walked} ({100.0 * walked / total:0.0} %) read by the token walk, the rest parsed as a DOM.");
        foreach (var (html, expected, actual) in mismatches.Take(20))
        {
            output.WriteLine($"  {Quote(html)}: baseline {Quote(expected)}, now {Quote(actual)}");
        }

        output.WriteLine();
        return mismatches.Count == 0;
    }

    private static string Quote(string? text) => text is null ? "null" : System.Text.Json.JsonSerializer.Serialize(text);
}
