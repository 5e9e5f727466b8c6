using System.Globalization;

namespace Monitor.Bench.Farm;

/// <summary>
/// The farm's accounts, derived from their index alone (no state): 90 % feeds (Atom, RSS and JSON Feed in turn),
/// 5 % Mastodon-style and 5 % Bluesky-style accounts, each with <see cref="EntriesPerAccount"/> posts.
/// </summary>
internal static class FarmAccounts
{
    public const int EntriesPerAccount = 50;

    /// <summary>Entries each feed gains per generation of the farm (<see cref="FeedFarm.Generation"/>).</summary>
    public const int NewEntriesPerGeneration = 2;

    /// <summary>Fixed, in the past: the farm's content changes only when its generation moves, so the second cycle sees no news.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many of the first <paramref name="accounts"/> accounts are feeds.</summary>
    public static int FeedCount(int accounts) => Enumerable.Range(0, accounts).Count(i => KindOf(i) <= FarmKind.Json);

    public static FarmKind KindOf(int index) => (index % 20) switch
    {
        0 => FarmKind.Mastodon,
        1 => FarmKind.Bluesky,
        _ => (FarmKind)(index % 3),
    };

    /// <summary>Publication time of entry <paramref name="entry"/> (0 = newest of generation 0; later ones are negative) of an account.</summary>
    public static DateTimeOffset Published(int index, int entry) =>
        Epoch.AddMinutes(-(index % 997) * 7 - entry * 181);

    public static string Handle(int index, Uri farm) => KindOf(index) switch
    {
        FarmKind.Mastodon => $"{farm}@user{index}",
        FarmKind.Bluesky => $"acct{index}.farm.test",
        var feed => $"{farm}feeds/{index}.{Extension(feed)}",
    };

    public static string Platform(int index) => KindOf(index) switch
    {
        FarmKind.Mastodon => "mastodon",
        FarmKind.Bluesky => "bluesky",
        _ => "rss",
    };

    /// <summary>The requests the pipeline makes for the account on a first poll, for the bare-HttpClient baseline.</summary>
    public static IEnumerable<string> FirstPollUrls(int index, Uri farm)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        switch (KindOf(index))
        {
            case FarmKind.Mastodon:
                yield return $"{farm}api/v1/accounts/lookup?acct=user{i}";
                yield return $"{farm}api/v1/accounts/{i}/statuses?limit=40";
                yield return $"{farm}api/v1/accounts/{i}/statuses?limit=40&max_id={MastodonId(index, 39)}";
                break;
            case FarmKind.Bluesky:
                yield return $"{farm}xrpc/app.bsky.actor.getProfile?actor=acct{i}.farm.test";
                yield return $"{farm}xrpc/app.bsky.feed.getAuthorFeed?actor=did:plc:farm{i}&limit=100&filter=posts_and_author_threads";
                break;
            default:
                yield return Handle(index, farm);
                break;
        }
    }

    /// <summary>Mastodon status ids grow with time, like Snowflake ids: entry 0 has the largest.</summary>
    public static long MastodonId(int index, int entry) => (index + 1) * 1000L + (EntriesPerAccount - entry);

    public static string ETag(int index, int generation = 0) => $"\"farm-{index}-v{generation + 1}\"";

    private static string Extension(FarmKind kind) => kind switch
    {
        FarmKind.Atom => "atom",
        FarmKind.Rss => "rss",
        _ => "json",
    };
}

internal enum FarmKind
{
    Atom = 0,
    Rss = 1,
    Json = 2,
    Mastodon = 3,
    Bluesky = 4,
}
