namespace Monitor.Core.Activity.Reports;

/// <summary>Writes a <see cref="ReportTable"/> as plain text with aligned columns (numbers right-aligned) for a terminal.</summary>
internal static class TableReportWriter
{
    private const string Gap = "  ";

    public static async Task WriteAsync(ReportTable table, TextWriter output, CancellationToken cancellationToken)
    {
        var widths = table.Columns.Select((c, i) => table.Rows.Select(r => r[i].Length).Prepend(c.Length).Max()).ToArray();
        var numeric = table.Columns.Select((_, i) => table.Rows.Count > 0 && table.Rows.All(r => r[i].Length == 0 || IsNumber(r[i]))).ToArray();
        await WriteLineAsync(output, table.Columns, widths, numeric, cancellationToken);
        await WriteLineAsync(output, widths.Select(w => new string('-', w)).ToArray(), widths, numeric, cancellationToken);
        foreach (var row in table.Rows)
        {
            await WriteLineAsync(output, row, widths, numeric, cancellationToken);
        }
    }

    private static Task WriteLineAsync(TextWriter output, IReadOnlyList<string> cells, int[] widths, bool[] numeric, CancellationToken cancellationToken)
    {
        var padded = cells.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        return output.WriteLineAsync(string.Join(Gap, padded).TrimEnd().AsMemory(), cancellationToken);
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
