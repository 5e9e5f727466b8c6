using System.Buffers;
using System.Text;
using Monitor.Core.Export;

namespace Monitor.Core.Activity.Reports;

/// <summary>
/// Writes a <see cref="ReportTable"/> as RFC 4180 CSV: header row, CRLF line ends, invariant culture, text cells that
/// a spreadsheet would run as a formula escaped (<see cref="CsvFormulaGuard"/>). Quoting follows CsvHelper's default
/// with a CRLF new line, which the exports use, so a report and an export read alike: a cell is quoted when it holds a
/// quote, a comma or a CRLF, or starts or ends with a space; a quote inside is doubled.
/// </summary>
/// <remarks>
/// The cells are already text, so the writer only escapes them: rows go into one buffer that is handed to the output
/// asynchronously every <see cref="ChunkSize"/> characters (an HTTP response forbids synchronous writes). CsvHelper's
/// per-field conversion and per-record async call cost several times the query on a 10,000-row report.
/// </remarks>
internal static class CsvReportWriter
{
    private const int ChunkSize = 64 * 1024;
    private const string NewLine = "\r\n";

    private static readonly SearchValues<char> QuoteTriggers = SearchValues.Create("\",");

    public static async Task WriteAsync(ReportTable table, TextWriter output, CancellationToken cancellationToken)
    {
        var buffer = new StringBuilder(ChunkSize + 1024);
        AppendRow(buffer, table.Columns);
        foreach (var row in table.Rows)
        {
            if (buffer.Length >= ChunkSize)
            {
                await output.WriteAsync(buffer, cancellationToken);
                buffer.Clear();
            }

            AppendRow(buffer, row);
        }

        await output.WriteAsync(buffer, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static void AppendRow(StringBuilder buffer, IReadOnlyList<string> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                buffer.Append(',');
            }

            AppendCell(buffer, CsvFormulaGuard.Escape(row[i]));
        }

        buffer.Append(NewLine);
    }

    private static void AppendCell(StringBuilder buffer, string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return;
        }

        if (!NeedsQuotes(cell))
        {
            buffer.Append(cell);
            return;
        }

        buffer.Append('"');
        var rest = cell.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            buffer.Append(rest[..(quote + 1)]).Append('"');
            rest = rest[(quote + 1)..];
        }

        buffer.Append(rest).Append('"');
    }

    private static bool NeedsQuotes(string cell) =>
        cell[0] == ' ' || cell[^1] == ' ' || cell.AsSpan().ContainsAny(QuoteTriggers) || cell.Contains(NewLine, StringComparison.Ordinal);
}
