using Monitor.Core.Activity.Reports;
using Monitor.Core.Export;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Export;

public sealed class CsvFormulaGuardTests
{
    public static TheoryData<string?, string?> Cells => new()
    {
        { "=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")" },
        { "+33 1 23 45", "'+33 1 23 45" },
        { "-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0" },
        { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
        { "\t=1", "'\t=1" },
        { "\r=1", "'\r=1" },
        { "-", "'-" },
        { "-12", "-12" },
        { "-0.25", "-0.25" },
        { "+5", "+5" },
        { "-1e3", "-1e3" },
        { "2026-11-01T09:30:00.000Z", "2026-11-01T09:30:00.000Z" },
        { "Statement = agreement", "Statement = agreement" },
        { "", "" },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Escape_TextThatASpreadsheetWouldRun_GetsALeadingQuoteNumbersDoNot(string? cell, string? expected) =>
        Assert.Equal(expected, CsvFormulaGuard.Escape(cell));

    [Fact]
    public async Task WritePostsAsync_Csv_EscapesTitleAndTextButNotTimestampsOrCounts()
    {
        var post = new Post
        {
            PostId = "p1",
            PublishedAt = new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero),
            Title = "=1+1",
            Text = "@everyone",
            Metrics = new PostMetrics { Replies = 3 },
        };
        var stored = new StoredPost("rss", "acc", post, post.PublishedAt, post.PublishedAt, null, null);
        using var output = new StringWriter();

        await RecordExporter.WritePostsAsync(new[] { stored }.ToAsyncEnumerable(), ExportFormat.Csv, output, TestContext.Current.CancellationToken);

        var row = output.ToString().Split('\n')[1].TrimEnd('\r');
        Assert.StartsWith("rss,acc,p1,,2026-11-01T09:30:00.000Z,false,post,'=1+1,'@everyone,,", row, StringComparison.Ordinal);
        Assert.EndsWith(",3,,,,,[],[],[],[]", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvReportWriter_EscapesNamesButKeepsANegativeGrowth()
    {
        var table = new ReportTable(["name", "followerGrowth"], [["=cmd()", "-12"], ["Embassy", "4"]]);
        using var output = new StringWriter();

        await CsvReportWriter.WriteAsync(table, output, TestContext.Current.CancellationToken);

        Assert.Equal("name,followerGrowth\r\n'=cmd(),-12\r\nEmbassy,4\r\n", output.ToString());
    }
}
