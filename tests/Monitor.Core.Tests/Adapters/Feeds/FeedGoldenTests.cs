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
        // Atom 0.3: issued/modified/created, base64/escaped/xml content modes, xml:base on the feed
        { "atom03-legacy.atom", nameof(FeedFormat.Atom), "https://www.diplomatie.example.fr/feeds/atom.xml" },
        // xml:base on feed, entry and link, each relative to its parent; base64 content of a non-text type
        { "atom-xmlbase.atom", nameof(FeedFormat.Atom), "https://mfa.example.org/feeds/press.atom" },
        // RSS 0.91 with the Netscape DOCTYPE (skipped) and an HTML entity that DTD used to declare (repaired)
        { "rss091-netscape.xml", nameof(FeedFormat.Rss), "https://embassy.example.org/rss091.xml" },
        // items whose only content is xhtml:body, body, fullitem, dc:title, dc:description or itunes:summary
        { "rss-legacy-carriers.xml", nameof(FeedFormat.Rss), "https://mfa.example.org/rss.xml" },
        // bare ampersands, HTML entities and a control character, repaired; CDATA left alone
        { "rss-repairable.xml", nameof(FeedFormat.Rss), "https://trade.example.org/rss.xml" },
        // the document ends inside its third item: the two complete ones are kept
        { "rss-truncated.xml", nameof(FeedFormat.Rss), "https://news.example.org/rss.xml" },
    };

    public static TheoryData<string, string, string?> Notes => new()
    {
        // fixture, feed URL, the notes the poll's snapshot gets (null: read exactly as sent)
        { "rss2-embassy.xml", "https://embassy.example.org/feed/", null },
        { "atom03-legacy.atom", "https://www.diplomatie.example.fr/feeds/atom.xml", null },
        { "rss091-netscape.xml", "https://embassy.example.org/rss091.xml", "repaired: 1 HTML entity" },
        { "rss-repairable.xml", "https://trade.example.org/rss.xml", "repaired: 3 bare ampersands, 2 HTML entities, 1 control character" },
        {
            "rss-truncated.xml", "https://news.example.org/rss.xml",
            "truncated: the document ends at line 18, position 40; kept the 2 complete entries before it"
        },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void Parse_Fixture_NotesWhatWasRepairedOrCut(string fixture, string feedUrl, string? notes)
    {
        Assert.Equal(notes, FeedGolden.ParseFeed(fixture, feedUrl).Notes);
    }

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
