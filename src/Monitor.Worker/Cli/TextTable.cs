namespace Monitor.Worker.Cli;

/// <summary>A column of a <see cref="TextTable"/>: numbers right-aligned; a shrinking column gives up width first.</summary>
internal sealed record TextColumn(string Header, bool RightAligned = false, bool Shrinks = false)
{
    /// <summary>A plain left-aligned column that keeps its width.</summary>
    public static implicit operator TextColumn(string header) => new(header);
}

/// <summary>
/// Renders rows as an aligned text table with a header rule, for terminals. By default it fits
/// <see cref="DefaultWidth"/> columns: shrinking columns (handles, errors) are cut first, then the widest others, each
/// cut cell ending in "..."; <c>wide</c> shows every cell in full.
/// </summary>
internal static class TextTable
{
    public const int DefaultWidth = 120;
    private const string Gap = "  ";
    private const string Cut = "...";
    private const int ShrunkMinimum = 16;

    /// <param name="output">Where the table goes.</param>
    /// <param name="columns">The columns, in order.</param>
    /// <param name="rows">One cell per column each.</param>
    /// <param name="wide">Every cell in full instead of fitting <see cref="DefaultWidth"/>.</param>
    /// <param name="style">
    /// Decorates a shown cell (row, column, text as cut) with zero-width markup such as ANSI bold; widths and padding
    /// count the text without it.
    /// </param>
    public static void Write(TextWriter output, IReadOnlyList<TextColumn> columns, IEnumerable<IReadOnlyList<string?>> rows, bool wide = false,
        Func<int, int, string, string>? style = null)
    {
        var cells = rows.Select(r => r.Select(c => (c ?? string.Empty).ReplaceLineEndings(" ")).ToArray()).ToList();
        var widths = columns.Select((c, i) => cells.Select(r => r[i].Length).Prepend(c.Header.Length).Max()).ToArray();
        if (!wide)
        {
            Fit(columns, widths);
        }

        output.WriteLine(Line(columns, columns.Select(c => c.Header).ToArray(), widths));
        output.WriteLine(string.Join(Gap, widths.Select(w => new string('-', w))));
        for (var r = 0; r < cells.Count; r++)
        {
            var row = r;
            output.WriteLine(Line(columns, cells[r], widths, style is null ? null : (column, text) => style(row, column, text)));
        }
    }

    /// <summary>Narrows <paramref name="widths"/> until a line fits <see cref="DefaultWidth"/> (or nothing can give more).</summary>
    private static void Fit(IReadOnlyList<TextColumn> columns, int[] widths)
    {
        var excess = widths.Sum() + (Gap.Length * (widths.Length - 1)) - DefaultWidth;
        for (var i = 0; i < widths.Length && excess > 0; i++)
        {
            if (columns[i].Shrinks)
            {
                var give = Math.Clamp(widths[i] - Math.Max(ShrunkMinimum, columns[i].Header.Length), 0, excess);
                widths[i] -= give;
                excess -= give;
            }
        }

        while (excess > 0)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (widths[i] > Math.Max(columns[i].Header.Length, Cut.Length + 1) && (widest < 0 || widths[i] > widths[widest]))
                {
                    widest = i;
                }
            }

            if (widest < 0)
            {
                return;
            }

            widths[widest]--;
            excess--;
        }
    }

    private static string Line(IReadOnlyList<TextColumn> columns, IReadOnlyList<string> cells, int[] widths, Func<int, string, string>? style = null) =>
        string.Join(Gap, cells.Select((cell, i) =>
        {
            var text = cell.Length > widths[i] ? cell[..(widths[i] - Cut.Length)] + Cut : cell;
            var padding = new string(' ', widths[i] - text.Length);
            var shown = style is null ? text : style(i, text);
            return columns[i].RightAligned ? padding + shown : shown + padding;
        })).TrimEnd();
}
