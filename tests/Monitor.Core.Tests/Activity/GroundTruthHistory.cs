using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity;

/// <summary>A post as it really happened on the platform.</summary>
internal sealed record TruePost(string AccountId, string PostId, DateTimeOffset PublishedAt, PostKind Kind);

/// <summary>
/// Synthetic posting histories with known schedules (regular, bursty, dormant, a burst larger than the feed window
/// between two polls, never posted), and the store contents a poller would leave: every <see cref="PollEvery"/> it
/// sees the newest <see cref="FeedWindow"/> posts and the profile counter, exactly as a feed plus counter would serve them.
/// </summary>
internal sealed class GroundTruthHistory
{
    public const int FeedWindow = 20;
    public const int OverflowBurst = 50;
    public static readonly TimeSpan PollEvery = TimeSpan.FromHours(6);
    public static readonly DateTimeOffset HistoryStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HistoryEnd = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset OverflowAt = new(2026, 4, 10, 7, 0, 0, TimeSpan.Zero);
    private const long CounterBase = 1_000;

    public static readonly TrackedAccount Regular = new("regular", Platforms.Mastodon, "@regular@example", "FRA", ActorType.ForeignMinistry, "Regular");
    public static readonly TrackedAccount Bursty = new("bursty", Platforms.Mastodon, "@bursty@example", "DEU", ActorType.HeadOfState, "Bursty");
    public static readonly TrackedAccount Dormant = new("dormant", Platforms.Bluesky, "dormant.example", "ITA", ActorType.Embassy);
    public static readonly TrackedAccount Overflow = new("overflow", Platforms.Mastodon, "@overflow@example", "ESP", ActorType.ForeignMinister, "Overflow");
    public static readonly TrackedAccount Silent = new("silent", Platforms.Bluesky, "silent.example", "FRA", ActorType.Mission);
    public static readonly TrackedAccount Suspended = new("suspended", Platforms.X, "suspended", "DEU", ActorType.Ambassador);

    public static IReadOnlyList<TrackedAccount> Accounts { get; } = [Bursty, Dormant, Overflow, Regular, Silent, Suspended];

    public List<TruePost> Truth { get; } = [];

    public List<TruePost> Captured { get; } = [];

    /// <summary>(account, capturedAt, followers, postsTotal) of every simulated poll.</summary>
    public List<(string AccountId, DateTimeOffset CapturedAt, long Followers, long PostsTotal)> Snapshots { get; } = [];

    /// <summary>The histories; with <paramref name="simulatePolls"/> also the store contents of 6-hourly polls.</summary>
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
            history.Add(Overflow, OverflowAt.AddMinutes(2 * i));
        }

        history.Truth.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
        if (simulatePolls)
        {
            history.SimulatePolls();
        }

        return history;
    }

    public void WriteTo(ActivityTestDatabase database)
    {
        foreach (var account in Accounts)
        {
            database.AddAccount(account, account == Suspended ? "suspended" : "ok");
        }

        foreach (var post in Captured)
        {
            database.AddPost(Accounts.Single(a => a.Id == post.AccountId), post.PostId, post.PublishedAt, post.Kind, post.PublishedAt);
        }

        foreach (var (accountId, capturedAt, followers, postsTotal) in Snapshots)
        {
            var account = Accounts.Single(a => a.Id == accountId);
            database.AddSnapshot(account, capturedAt, followers, account.Platform == Platforms.Bluesky ? null : postsTotal);
        }
    }

    public static TrackedAccount Account(string id) => Accounts.Single(a => a.Id == id);

    private void Add(TrackedAccount account, DateTimeOffset publishedAt)
    {
        var n = Truth.Count(p => p.AccountId == account.Id);
        var kind = n % 5 == 1 ? PostKind.Reply : n % 7 == 2 ? PostKind.Repost : n % 11 == 3 ? PostKind.Quote : PostKind.Post;
        Truth.Add(new TruePost(account.Id, $"{account.Id}-{n}", publishedAt, kind));
    }

    private void SimulatePolls()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in Accounts.Where(a => a != Suspended))
        {
            var posts = Truth.Where(p => p.AccountId == account.Id).ToList();
            var poll = 0;
            for (var now = HistoryStart.AddMinutes(30); now < HistoryEnd; now += PollEvery, poll++)
            {
                var published = posts.Where(p => p.PublishedAt <= now).ToList();
                foreach (var post in published.TakeLast(FeedWindow).Where(p => seen.Add(p.PostId)))
                {
                    Captured.Add(post);
                }

                Snapshots.Add((account.Id, now, 5_000 + (poll * 3), CounterBase + published.Count));
            }
        }
    }
}
