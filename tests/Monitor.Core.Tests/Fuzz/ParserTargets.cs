using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Adapters;
using Monitor.Core.Http;
using Monitor.Core.Adapters.Bluesky;
using Monitor.Core.Adapters.Facebook;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Adapters.Mastodon;
using Monitor.Core.Adapters.Telegram;
using Monitor.Core.Adapters.X;
using Monitor.Core.Adapters.YouTube;

namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// Every parser an adapter feeds a response body into, called the way the adapter calls it (body → wire model →
/// domain posts), so a fuzz case exercises the same code a hostile server would reach.
/// </summary>
internal static class ParserTargets
{
    private static readonly Uri FeedUrl = new("https://example.org/feed.xml");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Name → (fixture under Fixtures/, parse function).</summary>
    public static readonly IReadOnlyDictionary<string, (string Fixture, Action<byte[]> Parse)> All =
        new Dictionary<string, (string, Action<byte[]>)>(StringComparer.Ordinal)
        {
            ["rss"] = ("Feeds/rss2-embassy.xml", ParseFeed),
            ["rdf"] = ("Feeds/rdf-ministry.rdf", ParseFeed),
            ["atom"] = ("Feeds/govuk-fcdo.atom", ParseFeed),
            ["jsonfeed"] = ("Feeds/jsonfeed-ministry.json", ParseFeed),
            ["youtube-feed"] = ("YouTube/feed.xml", body => _ = YouTubeFeedParser.Parse(body).Select(YouTubePostMapper.Map).ToList()),
            ["youtube-api"] = ("YouTube/uploads-page1.json", body =>
                _ = (Json(body, YouTubeJsonContext.Default.YouTubePlaylistItemList).Items ?? []).Select(YouTubePostMapper.Map).ToList()),
            ["telegram"] = ("Telegram/channel-page.html", body =>
                _ = TelegramPreviewParser.Parse(Encoding.UTF8.GetString(body), "mfa_example")),
            ["mastodon"] = ("Mastodon/statuses-kinds.json", body =>
                _ = Json(body, MastodonJsonContext.Default.ListMastodonStatus).Select(MastodonStatusMapper.ToPost).ToList()),
            ["bluesky"] = ("Bluesky/feed-kinds.json", body =>
                _ = (Json(body, BlueskyJsonContext.Default.BlueskyAuthorFeed).Feed ?? []).Select(BlueskyPostMapper.ToPost).ToList()),
            ["x"] = ("X/timeline-page1.json", body =>
                _ = (Json(body, XJsonContext.Default.XPostsResponse).Data ?? []).Select(p => XPostMapper.Map(p, "mfa")).ToList()),
            ["facebook"] = ("Facebook/posts-page1.json", body =>
                _ = (Json(body, FacebookJsonContext.Default.GraphPostList).Data ?? []).Select(FacebookPostMapper.ToPost).ToList()),
        };

    public static TheoryData<string> Names => new(All.Keys);

    private static void ParseFeed(byte[] body) => _ = FeedEntryMapper.Map(FeedParser.Parse(body, 1000, FeedUrl), FeedUrl, Now);

    // The JSON adapters deserialize through the shared JsonPayload.Parse, which is what is fuzzed here.
    private static T Json<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class =>
        JsonPayload.Parse(body, type, "fuzz");
}
