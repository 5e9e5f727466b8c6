using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Export;

namespace Monitor.Core.Tests.Activity;

public sealed class CsvReportWriterTests
{
    /// <summary>Cells that quoting, escaping and the formula guard treat differently, one per row.</summary>
    public static readonly TheoryData<string> Cells = new()
    {
        "plain", "", "with,comma", "say \"hi\"", "\"", "line\r\nbreak", "lone\nfeed", "lone\rreturn", " leading", "trailing ",
        "=cmd()", "+1 555", "-12", "-1.5e3", "@everyone", "\ttab", "\rreturn first", "-", "Ελλάδα, Κύπρος", "日本国大使館",
        "emoji 🇫🇷", "'quoted'", "a\"b,c\r\nd", "2026-11-01T09:30:00Z", "0.1234",
    };

    [Fact]
    public async Task WriteAsync_TrickyCells_PinnedOutput()
    {
        var table = new ReportTable(
            ["name", "note", "growth"],
            [
                ["Embassy, \"Paris\"", "line\r\nbreak", "-12"],
                ["=HYPERLINK(\"x\")", "@everyone", "+3"],
                ["Посольство 日本", " padded ", ""],
                ["-cmd", "lone\nfeed", "0.25"],
            ]);
        using var output = new StringWriter();

        await CsvReportWriter.WriteAsync(table, output, TestContext.Current.CancellationToken);

        Assert.Equal(
            "name,note,growth\r\n"
            + "\"Embassy, \"\"Paris\"\"\",\"line\r\nbreak\",-12\r\n"
            + "\"'=HYPERLINK(\"\"x\"\")\",'@everyone,+3\r\n"
            + "Посольство 日本,\" padded \",\r\n"
            + "'-cmd,lone\nfeed,0.25\r\n",
            output.ToString());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task WriteAsync_AnyCell_WritesWhatCsvHelperWrote(string cell)
    {
        var table = new ReportTable(["a", "b"], [[cell, "x"], ["y", cell]]);
        using var output = new StringWriter();

        await CsvReportWriter.WriteAsync(table, output, TestContext.Current.CancellationToken);

        Assert.Equal(await WriteWithCsvHelperAsync(table), output.ToString());
    }

    [Fact]
    public async Task WriteAsync_ManyRows_WritesEveryRowOnceAcrossChunks()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => (IReadOnlyList<string>)[i.ToString(CultureInfo.InvariantCulture), "text, " + i]).ToArray();
        var table = new ReportTable(["n", "text"], rows);
        using var output = new StringWriter();

        await CsvReportWriter.WriteAsync(table, output, TestContext.Current.CancellationToken);

        Assert.Equal(await WriteWithCsvHelperAsync(table), output.ToString());
    }

    /// <summary>The writer this one replaced: CsvHelper with a CRLF new line, one field at a time.</summary>
    private static async Task<string> WriteWithCsvHelperAsync(ReportTable table)
    {
        using var output = new StringWriter();
        await using (var csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }, leaveOpen: true))
        {
            foreach (var row in table.Rows.Prepend(table.Columns))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(CsvFormulaGuard.Escape(cell));
                }

                await csv.NextRecordAsync();
            }
        }

        return output.ToString();
    }
}
