using Monitor.Core.Adapters.Feeds;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>Each realistic fixture parses to exactly the posts in its <c>.expected.json</c> beside it.</summary>
public sealed class FeedGoldenTests
{
    public const string GovUkFeedUrl = "https://www.gov.uk/government/organisations/foreign-commonwealth-development-office.atom";

    public static TheoryData<string, string, string> Cases => new()
    {
        // fixture, detected format, the feed URL relative links resolve against
        { "govuk-fcdo.atom", nameof(FeedFormat.Atom), GovUkFeedUrl },
        { "govuk-fcdo-republished.atom", nameof(FeedFormat.Atom), GovUkFeedUrl },
        { "rss2-embassy.xml", nameof(FeedFormat.Rss), "https://embassy.example.org/feed/" },
        { "rdf-ministry.rdf", nameof(FeedFormat.Rdf), "https://mfa.example.jp/press/rss.rdf" },
        { "jsonfeed-ministry.json", nameof(FeedFormat.Json), "https://diplo.example.de/de/newsroom/feed.json" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_RealisticFixture_MatchesGoldenFile(string fixture, string format, string feedUrl)
    {
        var body = Fixtures.ReadBytes("Feeds/" + fixture);

        var actual = FeedGolden.Render(FeedGolden.Parse(fixture, feedUrl));

        Assert.Equal(format, FeedFormatDetector.DetectFeedFormat(body).ToString());
        var expectedPath = "Feeds/" + Path.ChangeExtension(fixture, ".expected.json");
        if (Environment.GetEnvironmentVariable("MONITOR_WRITE_GOLDEN") is { Length: > 0 } dir)
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(expectedPath)), actual);
        }

        Assert.Equal(Fixtures.ReadText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}
