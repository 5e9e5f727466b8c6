using System.Text;
using Monitor.Core.Search;

namespace Monitor.Worker.Cli;

/// <summary>
/// Marks search matches in bold with ANSI SGR 1/22 (ECMA-48) where the terminal allows: only when the output is a
/// terminal and <c>NO_COLOR</c> is unset or empty (https://no-color.org); redirected output stays plain text.
/// </summary>
internal static class TerminalBold
{
    private const string On = "\u001b[1m";
    private const string Off = "\u001b[22m";

    public static bool Allowed(bool outputIsTerminal, string? noColor) => outputIsTerminal && string.IsNullOrEmpty(noColor);

    /// <summary>
    /// <paramref name="shown"/> (the snippet as the table shows it, perhaps cut and ending in "...") with the highlights
    /// that fall in the kept part in bold; a highlight the cut splits is bold up to the cut.
    /// </summary>
    public static string Mark(string snippet, string shown, IReadOnlyList<SearchHighlight> highlights)
    {
        var kept = shown.Length >= snippet.Length ? shown.Length : Math.Max(0, shown.Length - 3);
        if (!shown.AsSpan(0, kept).SequenceEqual(snippet.AsSpan(0, Math.Min(kept, snippet.Length))))
        {
            return shown; // the table changed the text (line breaks): the offsets no longer point into it
        }

        var text = new StringBuilder(shown.Length + (highlights.Count * 9));
        var at = 0;
        foreach (var highlight in highlights.Where(h => h.Start < kept).OrderBy(h => h.Start))
        {
            var start = Math.Max(highlight.Start, at);
            var end = Math.Min(highlight.Start + highlight.Length, kept);
            if (end <= start)
            {
                continue;
            }

            text.Append(shown, at, start - at).Append(On).Append(shown, start, end - start).Append(Off);
            at = end;
        }

        return text.Append(shown, at, shown.Length - at).ToString();
    }
}
