namespace Monitor.Worker.Cli;

/// <summary>Renders rows as a left-aligned text table with a header rule, for terminals.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var materialized = rows.Select(r => r.Select(c => Clean(c)).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, materialized.Count == 0 ? 0 : materialized.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in materialized)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Clean(string? cell)
    {
        var text = (cell ?? string.Empty).ReplaceLineEndings(" ");
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
