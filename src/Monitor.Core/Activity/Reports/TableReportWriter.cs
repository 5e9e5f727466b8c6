namespace Monitor.Core.Activity.Reports;

/// <summary>Writes a <see cref="ReportTable"/> as plain text with aligned columns (numbers right-aligned) for a terminal.</summary>
internal static class TableReportWriter
{
    /// <summary>The width a table fits unless it is written wide.</summary>
    public const int TerminalWidth = 120;

    private const string Gap = "  ";
    private const string Cut = "...";
    private const int CutMinimum = 12;

    public static async Task WriteAsync(ReportTable table, TextWriter output, bool wide, CancellationToken cancellationToken)
    {
        var widths = table.Columns.Select((c, i) => table.Rows.Select(r => r[i].Length).Prepend(c.Length).Max()).ToArray();
        var numeric = table.Columns.Select((_, i) => table.Rows.Count > 0 && table.Rows.All(r => r[i].Length == 0 || IsNumber(r[i]))).ToArray();
        if (!wide)
        {
            Fit(table.Columns, widths, numeric);
        }

        await WriteLineAsync(output, table.Columns, widths, numeric, cancellationToken);
        await WriteLineAsync(output, widths.Select(w => new string('-', w)).ToArray(), widths, numeric, cancellationToken);
        foreach (var row in table.Rows)
        {
            await WriteLineAsync(output, row, widths, numeric, cancellationToken);
        }
    }

    /// <summary>Cuts the widest text columns (names, ids; never numbers) until a line fits <see cref="TerminalWidth"/>.</summary>
    private static void Fit(IReadOnlyList<string> columns, int[] widths, bool[] numeric)
    {
        var excess = widths.Sum() + (Gap.Length * (widths.Length - 1)) - TerminalWidth;
        while (excess > 0)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (!numeric[i] && widths[i] > Math.Max(CutMinimum, columns[i].Length) && (widest < 0 || widths[i] > widths[widest]))
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

    private static Task WriteLineAsync(TextWriter output, IReadOnlyList<string> cells, int[] widths, bool[] numeric, CancellationToken cancellationToken)
    {
        var padded = cells.Select((cell, i) =>
        {
            var text = cell.Length > widths[i] ? cell[..(widths[i] - Cut.Length)] + Cut : cell;
            return numeric[i] ? text.PadLeft(widths[i]) : text.PadRight(widths[i]);
        });
        return output.WriteLineAsync(string.Join(Gap, padded).TrimEnd().AsMemory(), cancellationToken);
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
