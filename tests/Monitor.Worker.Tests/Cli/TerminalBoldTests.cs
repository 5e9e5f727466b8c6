using Monitor.Core.Search;
using Monitor.Worker.Cli;

namespace Monitor.Worker.Tests.Cli;

public sealed class TerminalBoldTests
{
    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    [InlineData(false, "1", false)]
    public void Allowed_TerminalAndNoColor_BoldOnlyOnATerminalWithoutNoColor(bool terminal, string? noColor, bool expected)
    {
        Assert.Equal(expected, TerminalBold.Allowed(terminal, noColor));
    }

    [Fact]
    public void Mark_Highlights_WrapsEachMatchInBoldOnAndOff()
    {
        var marked = TerminalBold.Mark("the minister met the ministry", "the minister met the ministry", [new(4, 8), new(21, 8)]);

        Assert.Equal("the \u001b[1mminister\u001b[22m met the \u001b[1mministry\u001b[22m", marked);
    }

    [Fact]
    public void Mark_CutCell_BoldsOnlyWhatIsShownBeforeTheEllipsis()
    {
        var marked = TerminalBold.Mark("the minister met the ministry", "the minis...", [new(4, 8), new(21, 8)]);

        Assert.Equal("the \u001b[1mminis\u001b[22m...", marked);
    }

    [Fact]
    public void Mark_TextChangedByTheTable_StaysPlain()
    {
        Assert.Equal("a b", TerminalBold.Mark("a\r\nb", "a b", [new SearchHighlight(0, 1)]));
    }
}
