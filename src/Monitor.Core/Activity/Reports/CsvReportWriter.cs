using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Monitor.Core.Export;

namespace Monitor.Core.Activity.Reports;

/// <summary>
/// Writes a <see cref="ReportTable"/> as RFC 4180 CSV: header row, CRLF line ends, quoting only where needed, invariant
/// culture, text cells that a spreadsheet would run as a formula escaped (<see cref="CsvFormulaGuard"/>).
/// </summary>
internal static class CsvReportWriter
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    public static async Task WriteAsync(ReportTable table, TextWriter output, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output, Configuration, leaveOpen: true);
        foreach (var row in table.Rows.Prepend(table.Columns))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var cell in row)
            {
                csv.WriteField(CsvFormulaGuard.Escape(cell));
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }
}
