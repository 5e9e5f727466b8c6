using System.Globalization;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// Synthetic posting histories with known schedules (regular, bursty, dormant, a burst larger than what one poll can
/// fetch, never posted, suspended), and what a poller leaves in the store: at each poll the newest posts published by
/// then, up to the platform's window, and the platform's counts of that moment. X accounts carry a post counter, a
/// follower count and post kinds; feed (<c>rss</c>) accounts only posts.
/// </summary>
internal sealed class GroundTruthHistory
{
    /// <summary>Items a feed shows, newest first.</summary>
    public const int FeedWindow = 20;

    /// <summary>Posts in the overflow burst, all between two polls.</summary>
    public const int OverflowBurst = 130;

    public static readonly TimeSpan PollEvery = TimeSpan.FromHours(6);
    public static readonly DateTimeOffset HistoryStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HistoryEnd = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset OverflowAt = new(2026, 4, 10, 7, 0, 0, TimeSpan.Zero);
    private const long CounterBase = 1_000;

    // X ids are Snowflakes: milliseconds since this epoch shifted left by 22 bits (https://developer.x.com/en/docs/x-ids).
    private const long SnowflakeEpochMs = 1288834974657;

    public static readonly TrackedAccount Regular = new("regular", Platforms.X, "RegularMFA", "FRA", ActorType.ForeignMinistry, "Regular");
    public static readonly TrackedAccount Bursty = new("bursty", Platforms.Rss, "/feeds/bursty.json", "DEU", ActorType.HeadOfState, "Bursty");
    public static readonly TrackedAccount Dormant = new("dormant", Platforms.Rss, "/feeds/dormant.xml", "ITA", ActorType.Embassy);
    public static readonly TrackedAccount Overflow = new("overflow", Platforms.X, "OverflowMFA", "ESP", ActorType.ForeignMinister, "Overflow");
    public static readonly TrackedAccount Silent = new("silent", Platforms.Rss, "/feeds/silent.xml", "FRA", ActorType.Mission);
    public static readonly TrackedAccount Suspended = new("suspended", Platforms.X, "SuspendedAmb", "DEU", ActorType.Ambassador);

    private readonly HashSet<string> capturedIds = new(StringComparer.Ordinal);

    /// <summary>Sorted by id, as the store lists them.</summary>
    public static IReadOnlyList<TrackedAccount> Accounts { get; } = [Bursty, Dormant, Overflow, Regular, Silent, Suspended];

    /// <summary>Every post, oldest first.</summary>
    public List<TruePost> Truth { get; } = [];

    /// <summary>The posts the polls have seen, each once.</summary>
    public List<TruePost> Captured { get; } = [];

    /// <summary>One per poll, in capture order per account.</summary>
    public List<TrueSnapshot> Snapshots { get; } = [];

    /// <summary>The histories; with <paramref name="simulatePolls"/> also what 6-hourly polls of 20-item windows leave.</summary>
    public static GroundTruthHistory Generate(bool simulatePolls = true)
    {
        var history = new GroundTruthHistory();
        var random = new Random(20260101);
        for (var t = HistoryStart.AddMinutes(17); t < HistoryEnd; t += TimeSpan.FromHours(8))
        {
            history.Add(Regular, t);
        }

        for (var t = HistoryStart; t < HistoryEnd; t += TimeSpan.FromDays(random.Next(1, 5)))
        {
            var burstStart = t.AddHours(random.Next(0, 24)).AddMinutes(random.Next(0, 60));
            for (var i = 0; i < random.Next(3, 12); i++)
            {
                history.Add(Bursty, burstStart.AddMinutes(3 * i + random.Next(0, 3)));
            }
        }

        for (var t = HistoryStart.AddHours(9); t < new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero); t += TimeSpan.FromDays(2))
        {
            history.Add(Dormant, t);
        }

        for (var t = HistoryStart.AddHours(5); t < HistoryEnd; t += TimeSpan.FromHours(12))
        {
            history.Add(Overflow, t);
        }

        for (var i = 0; i < OverflowBurst; i++)
        {
            history.Add(Overflow, OverflowAt.AddMinutes(i));
        }

        // Posts at the very moment of a 6-hourly poll: the counter of that poll includes them.
        history.Add(Overflow, new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.Zero));
        history.Add(Overflow, new DateTimeOffset(2026, 4, 30, 18, 30, 0, TimeSpan.Zero));

        history.Truth.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
        if (simulatePolls)
        {
            foreach (var account in Accounts.Where(a => a != Suspended))
            {
                for (var at = HistoryStart.AddMinutes(30); at < HistoryEnd; at += PollEvery)
                {
                    history.ObservePoll(account, at, FeedWindow, succeeded: true);
                }
            }
        }

        return history;
    }

    public static TrackedAccount Account(string id) => Accounts.Single(a => a.Id == id);

    /// <summary>Whether the platform reports the account's followers and post counter.</summary>
    public static bool HasCounts(TrackedAccount account) => account.Platform == Platforms.X && account != Suspended;

    /// <summary>The follower count at a moment: one more every hour.</summary>
    public static long Followers(DateTimeOffset at) => 5_000 + (long)(at - HistoryStart).TotalHours;

    /// <summary>The account's posts published at or before <paramref name="at"/>, oldest first.</summary>
    public List<TruePost> PublishedBy(string accountId, DateTimeOffset at) =>
        Truth.Where(p => p.AccountId == accountId && p.PublishedAt <= at).ToList();

    /// <summary>The platform's post counter at a moment.</summary>
    public long PostsTotal(string accountId, DateTimeOffset at) => CounterBase + Truth.Count(p => p.AccountId == accountId && p.PublishedAt <= at);

    /// <summary>
    /// What one poll at <paramref name="at"/> leaves: a successful one adds the newest <paramref name="window"/> posts
    /// published by then (those not seen before) and the counts of that moment; a failed one only an empty snapshot.
    /// </summary>
    public void ObservePoll(TrackedAccount account, DateTimeOffset at, int window, bool succeeded)
    {
        var counts = succeeded && HasCounts(account);
        Snapshots.Add(new TrueSnapshot(account.Id, at, counts ? Followers(at) : null, counts ? PostsTotal(account.Id, at) : null));
        if (succeeded)
        {
            Captured.AddRange(PublishedBy(account.Id, at).TakeLast(window).Where(p => capturedIds.Add(p.PostId)));
        }
    }

    /// <summary>What one poll at <paramref name="at"/> leaves when the posts it read are known: those, and the counts if it read them.</summary>
    public void RecordPoll(TrackedAccount account, DateTimeOffset at, IEnumerable<TruePost> read, bool counts)
    {
        counts &= HasCounts(account);
        Snapshots.Add(new TrueSnapshot(account.Id, at, counts ? Followers(at) : null, counts ? PostsTotal(account.Id, at) : null));
        Captured.AddRange(read.Where(p => capturedIds.Add(p.PostId)));
    }

    public void WriteTo(ActivityTestDatabase database)
    {
        foreach (var account in Accounts)
        {
            database.AddAccount(account, account == Suspended ? "suspended" : "ok");
        }

        foreach (var post in Captured)
        {
            database.AddPost(Account(post.AccountId), post.PostId, post.PublishedAt, post.Kind, post.PublishedAt);
        }

        foreach (var snapshot in Snapshots)
        {
            database.AddSnapshot(Account(snapshot.AccountId), snapshot.CapturedAt, snapshot.Followers, snapshot.PostsTotal);
        }
    }

    // Post kinds exist on X (referenced_tweets); a feed item is always an original post.
    private void Add(TrackedAccount account, DateTimeOffset publishedAt)
    {
        var n = Truth.Count(p => p.AccountId == account.Id);
        var kind = account.Platform != Platforms.X ? PostKind.Post
            : n % 5 == 1 ? PostKind.Reply : n % 7 == 2 ? PostKind.Repost : n % 11 == 3 ? PostKind.Quote : PostKind.Post;
        var id = account.Platform == Platforms.X
            ? (((publishedAt.ToUnixTimeMilliseconds() - SnowflakeEpochMs) << 22) | (long)Truth.Count).ToString(CultureInfo.InvariantCulture)
            : $"{account.Id}-{n}";
        Truth.Add(new TruePost(account.Id, id, publishedAt, kind));
    }
}
