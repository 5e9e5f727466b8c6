using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Monitor.Core.Export;

namespace Monitor.Core.Activity.Reports;

/// <summary>
/// Writes a <see cref="ReportTable"/> as RFC 4180 CSV through CsvHelper: header row, CRLF line ends, quoting only where
/// needed, invariant culture, text cells that a spreadsheet would run as a formula escaped (<see cref="CsvFormulaGuard"/>).
/// </summary>
/// <remarks>
/// The cells are already text. CsvHelper writes them synchronously into an in-memory chunk, and each full chunk goes to
/// the output asynchronously (an HTTP response forbids synchronous writes): an async call per record cost several
/// times the query on a 10,000-row report (bench/BENCHMARKS.md, "Activity report").
/// </remarks>
internal static class CsvReportWriter
{
    private const int ChunkSize = 64 * 1024;

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    public static async Task WriteAsync(ReportTable table, TextWriter output, CancellationToken cancellationToken)
    {
        var chunk = new StringWriter(CultureInfo.InvariantCulture);
        var buffer = chunk.GetStringBuilder();
        await using (var csv = new CsvWriter(chunk, Configuration, leaveOpen: true))
        {
            foreach (var row in table.Rows.Prepend(table.Columns))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(CsvFormulaGuard.Escape(cell));
                }

                csv.NextRecord();
                if (buffer.Length >= ChunkSize)
                {
                    csv.Flush();
                    await output.WriteAsync(buffer, cancellationToken);
                    buffer.Clear();
                }
            }

            csv.Flush();
        }

        await output.WriteAsync(buffer, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
