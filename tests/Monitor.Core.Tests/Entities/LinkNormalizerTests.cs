using Monitor.Core.Entities;

namespace Monitor.Core.Tests.Entities;

public sealed class LinkNormalizerTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Gov.UK", "https://www.gov.uk/")]
    [InlineData("https://gov.example/a/b?x=1&utm_campaign=c&y=2", "https://gov.example/a/b?x=1&y=2")]
    [InlineData("https://gov.example/?UTM_SOURCE=a", "https://gov.example/")]
    [InlineData("https://gov.example/a?mc_cid=1&mc_eid=2&_hsenc=3&igshid=4", "https://gov.example/a")]
    [InlineData("https://gov.example/a?ref=home", "https://gov.example/a?ref=home")]
    [InlineData("https://gov.example/caf%C3%A9", "https://gov.example/caf%C3%A9")]
    [InlineData("http://[::1]:8080/x#y", "http://[::1]:8080/x")]
    [InlineData("https://gov.example:443", "https://gov.example/")]
    public void Normalize_AbsoluteHttpLink_IsTheNormalForm(string link, string expected) =>
        Assert.Equal(expected, LinkNormalizer.Normalize(link));

    [Theory]
    [InlineData("mailto:press@gov.example")]
    [InlineData("ftp://files.example/a")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void Normalize_NotAnHttpLink_IsNull(string link) => Assert.Null(LinkNormalizer.Normalize(link));
}
