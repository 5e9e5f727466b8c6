using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Tests.Activity;

public sealed class TableReportWriterTests
{
    private static readonly ReportTable Wide = new(
        ["rank", "accountId", "platform", "country", "actor", "name", "followers"],
        [
            ["1", "gbr-" + new string('a', 60), "mastodon", "GBR", "ForeignMinistry", "The " + new string('n', 90), "-12"],
            ["2", "fra-1", "rss", "FRA", "Embassy", "Embassy", "1234567"],
        ]);

    [Fact]
    public async Task WriteAsync_ByDefault_EveryLineFitsOneHundredTwentyColumnsAndNumbersStayWhole()
    {
        using var output = new StringWriter();

        await TableReportWriter.WriteAsync(Wide, output, wide: false, TestContext.Current.CancellationToken);

        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.All(lines, line => Assert.InRange(line.Length, 0, TableReportWriter.TerminalWidth));
        Assert.EndsWith("-12", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("1234567", lines[3], StringComparison.Ordinal);
        Assert.Contains("...", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Wide_KeepsEveryCellWhole()
    {
        using var output = new StringWriter();

        await TableReportWriter.WriteAsync(Wide, output, wide: true, TestContext.Current.CancellationToken);

        Assert.Contains("The " + new string('n', 90), output.ToString(), StringComparison.Ordinal);
        Assert.Contains("gbr-" + new string('a', 60), output.ToString(), StringComparison.Ordinal);
    }
}
