using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>The record's guarantees: fenced leases, deletions only on evidence, versions of every change.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task RecordPoll_LeaseTakenOver_OnlyInsertsNewPostsAndNeverMovesStateBack()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        var other = await StartHostAsync("host-2");
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var stale = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start, Lease, 1, IgnoreSchedule: true), Ct));

        // The lease expires; another worker takes the account over and stores a newer poll.
        var later = Start + Lease + TimeSpan.FromMinutes(1);
        var fresh = Assert.Single(await other.Accounts.ClaimDueAsync(new ClaimRequest("host-2", later, Lease, 1, IgnoreSchedule: true), Ct));
        Assert.True(fresh.Epoch > stale.Epoch);
        var newer = new PollCursor("\"new\"", Position: "20");
        await other.Results.RecordPollAsync(new PollRecord(fresh, later, new FetchResult
        {
            Status = PollStatus.Ok, Cursor = newer, Posts = [SamplePost("1", Start.AddDays(-1), "Current text")],
        }, TimeSpan.FromSeconds(1), later.AddMinutes(30), 0), Ct);

        // The stale poll arrives late with older data.
        var written = await host.Results.RecordPollAsync(new PollRecord(stale, Start, new FetchResult
        {
            Status = PollStatus.Ok,
            Cursor = new PollCursor("\"old\"", Position: "10"),
            Posts = [SamplePost("1", Start.AddDays(-1), "Old text"), SamplePost("2", Start.AddDays(-2))],
            Deletions = [new PostDeletion("1", DeletionEvidence.NotFound)],
        }, TimeSpan.FromSeconds(1), Start.AddMinutes(5), 0), Ct);

        Assert.True(written.LeaseLost);
        Assert.Equal((1, 0, 0), (written.NewPosts, written.EditedPosts, written.DeletedPosts));
        var state = await StateOfAsync(host, "a");
        Assert.Equal((newer, later.AddMinutes(30), later), (state.Cursor, state.NextPollAt, state.LastPollAt));
        var posts = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).ToDictionary(p => p.Post.PostId);
        Assert.Equal(("Current text", (DateTimeOffset?)null), (posts["1"].Post.Text, posts["1"].DeletedAt));
        Assert.True(posts.ContainsKey("2"));
        Assert.Equal(2, (await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(), Ct))).Count);
    }

    [Fact]
    public async Task RenewLease_KeepsTheClaimPastItsFirstExpiryAndFailsOnceTakenOver()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var lease = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start, Lease, 1, IgnoreSchedule: true), Ct));

        Time.Advance(TimeSpan.FromMinutes(8));
        var renewed = await host.Accounts.RenewLeaseAsync(lease, Time.GetUtcNow(), Lease, Ct);
        Time.Advance(TimeSpan.FromMinutes(8));
        var duringRenewal = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-2", Time.GetUtcNow(), Lease, 1, IgnoreSchedule: true), Ct);
        Time.Advance(TimeSpan.FromMinutes(5));
        var afterExpiry = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-2", Time.GetUtcNow(), Lease, 1, IgnoreSchedule: true), Ct);
        var renewedAgain = await host.Accounts.RenewLeaseAsync(lease, Time.GetUtcNow(), Lease, Ct);

        Assert.NotNull(renewed);
        Assert.Equal(Start.AddMinutes(18), renewed.ExpiresAt);
        Assert.Empty(duringRenewal);
        Assert.Equal("host-2", Assert.Single(afterExpiry).Owner);
        Assert.Null(renewedAgain);
    }

    [Fact]
    public async Task ClaimDue_CanStart_LeavesRefusedAccountsForOthers()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b"), Account("c")], Start, Ct);

        var claimed = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start, Lease, 3) { CanStart = account => account.Id != "b" }, Ct);
        var rest = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-2", Start, Lease, 3), Ct);

        Assert.Equal(["a", "c"], claimed.Select(l => l.Account.Id));
        Assert.Equal("b", Assert.Single(rest).Account.Id);
    }

    [Fact]
    public async Task ClaimDue_FullPlatforms_TheirAccountsAreNeitherReadNorClaimed()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b", "mastodon"), Account("c"), Account("d", "bluesky")], Start, Ct);
        var asked = new List<string>();

        var claimed = await host.Accounts.ClaimDueAsync(
            new ClaimRequest("host-1", Start, Lease, 4) { FullPlatforms = ["rss"], CanStart = account => { asked.Add(account.Id); return true; } }, Ct);
        var rest = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-2", Start, Lease, 4) { FullPlatforms = ["rss", "bluesky"] }, Ct);

        Assert.Equal(["b", "d"], claimed.Select(l => l.Account.Id));
        Assert.Equal(["b", "d"], asked);
        Assert.Empty(rest);
    }

    [Fact]
    public async Task ClaimDue_AccountsOfSeveralPlatforms_ComeInOneScheduleOrderAndOnlyDueOnesAreRead()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        var accounts = new[] { Account("a1"), Account("a2"), Account("a3"), Account("b1", "mastodon"), Account("b2", "mastodon"), Account("b3", "mastodon"), Account("c1", "bluesky") };
        await host.Accounts.SyncAccountsAsync(accounts, Start, Ct);
        // Scheduled interleaved across platforms; a2 and c1 stay never scheduled; b3 is not due yet.
        var next = new Dictionary<string, DateTimeOffset>
        {
            ["a1"] = Start.AddMinutes(3), ["b1"] = Start.AddMinutes(1), ["a3"] = Start.AddMinutes(2), ["b2"] = Start.AddMinutes(3), ["b3"] = Start.AddHours(5),
        };
        foreach (var (id, at) in next)
        {
            await RecordAsync(host, id, new FetchResult { Status = PollStatus.NotModified, HttpStatus = 304 }, capturedAt: Start, nextPollAt: at);
        }

        var asked = new List<string>();
        var claimed = await host.Accounts.ClaimDueAsync(
            new ClaimRequest("host-1", Start.AddMinutes(10), Lease, 10) { CanStart = account => { asked.Add(account.Id); return account.Id != "a3"; } }, Ct);

        // Never scheduled first (by id), then by next poll, ties by id; a3 was refused, b3 is not due and not read.
        Assert.Equal(["a2", "c1", "b1", "a3", "a1", "b2"], asked);
        Assert.Equal(["a2", "c1", "b1", "a1", "b2"], claimed.Select(l => l.Account.Id));
    }

    [Fact]
    public async Task ClaimDue_CanStartFillsAPlatform_ItsOtherDueAccountsAreNotReadAndOthersAreClaimed()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        var feeds = Enumerable.Range(0, 40).Select(i => Account($"f{i:00}")).ToList();
        await host.Accounts.SyncAccountsAsync([.. feeds, Account("m1", "mastodon"), Account("m2", "mastodon")], Start, Ct);
        var full = new HashSet<string>(StringComparer.Ordinal);
        var asked = new List<string>();
        var rss = 0;
        bool CanStart(TrackedAccount account)
        {
            asked.Add(account.Id);
            if (account.Platform != "rss")
            {
                return true;
            }

            if (++rss == 2)
            {
                full.Add("rss");
            }

            return rss <= 2;
        }

        var claimed = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start, Lease, 4) { FullPlatforms = full, CanStart = CanStart }, Ct);

        Assert.Equal(["f00", "f01", "m1", "m2"], claimed.Select(l => l.Account.Id));
        Assert.Equal(["f00", "f01", "m1", "m2"], asked);
    }

    [Fact]
    public async Task RecordPoll_Absence_MarksDeletedOnlyAfterTheConfirmationsAndASightingRestores()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] });
        FetchResult Absent() => new() { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.Absent)] };

        var once = await RecordAsync(host, "a", Absent(), capturedAt: Start.AddHours(1));
        var seen = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] }, capturedAt: Start.AddHours(2));
        await RecordAsync(host, "a", Absent(), capturedAt: Start.AddHours(3));
        var confirmed = await RecordAsync(host, "a", Absent(), capturedAt: Start.AddHours(4));
        var deletedAt = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).Single().DeletedAt;
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] }, capturedAt: Start.AddHours(5));

        Assert.Equal((0, 0, 1), (once.DeletedPosts, seen.DeletedPosts, confirmed.DeletedPosts));
        Assert.Equal(Start.AddHours(4), deletedAt);
        var stored = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).Single();
        Assert.Null(stored.DeletedAt);
        var versions = await ToListAsync(host.Reader.ReadVersionsAsync(new RecordFilter(), Ct));
        Assert.Equal(
            [(1, VersionReason.Created, (DeletionEvidence?)null), (2, VersionReason.Deleted, DeletionEvidence.Absent), (3, VersionReason.Restored, null)],
            versions.Select(v => (v.Version, v.Reason, v.Evidence)));
    }

    [Fact]
    public async Task RecordPoll_EditedTwiceDeletedAndRestored_KeepsVersionsOneToFive()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1), "First");

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] });
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Second" }] }, capturedAt: Start.AddHours(1));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Second", Metrics = new PostMetrics(Likes: 99) }] }, capturedAt: Start.AddHours(2));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Third" }] }, capturedAt: Start.AddHours(3));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.NotFound)] }, capturedAt: Start.AddHours(4));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Third" }] }, capturedAt: Start.AddHours(5));

        var versions = await ToListAsync(host.Reader.ReadVersionsAsync(new RecordFilter(AccountId: "a"), Ct));
        Assert.Equal(
            [
                (1, VersionReason.Created, Start, "First"),
                (2, VersionReason.Edited, Start.AddHours(1), "Second"),
                (3, VersionReason.Edited, Start.AddHours(3), "Third"),
                (4, VersionReason.Deleted, Start.AddHours(4), "Third"),
                (5, VersionReason.Restored, Start.AddHours(5), "Third"),
            ],
            versions.Select(v => (v.Version, v.Reason, v.CapturedAt, v.Text ?? string.Empty)));
        Assert.Equal(ContentHash.Compute(post with { Text = "Third" }), versions[^1].ContentHash);
        Assert.StartsWith("sha256:", versions[0].ContentHash, StringComparison.Ordinal);
        Assert.Equal(DeletionEvidence.NotFound, versions[3].Evidence);
    }

    [Fact]
    public async Task RecordPoll_CaptureId_IsWrittenOnEveryVersionThePollRecords()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1), "First");

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] }, captureId: "<urn:uuid:00000000-0000-4000-8000-000000000001>");
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Second" }] }, capturedAt: Start.AddHours(1));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.NotFound)] },
            capturedAt: Start.AddHours(2), captureId: "<urn:uuid:00000000-0000-4000-8000-000000000003>");

        var versions = await ToListAsync(host.Reader.ReadVersionsAsync(new RecordFilter(AccountId: "a"), Ct));
        Assert.Equal(
            [
                (VersionReason.Created, (string?)"<urn:uuid:00000000-0000-4000-8000-000000000001>"),
                (VersionReason.Edited, null),
                (VersionReason.Deleted, "<urn:uuid:00000000-0000-4000-8000-000000000003>"),
            ],
            versions.Select(v => (v.Reason, v.CaptureId)));
    }

    [Fact]
    public async Task ReadPostVersions_OnePost_InVersionOrderOnlyThatPost()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1), "First");
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post, SamplePost("2", Start.AddDays(-1))] });
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok, Posts = [post] });
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Second" }] }, capturedAt: Start.AddHours(1));
        var recent = host.Services.GetRequiredService<IRecentRecordReader>();

        var versions = await recent.ReadPostVersionsAsync("rss", "a", "1", Ct);
        var missing = await recent.ReadPostVersionsAsync("rss", "a", "nope", Ct);

        Assert.Equal([(1, "First"), (2, "Second")], versions.Select(v => (v.Version, v.Text ?? string.Empty)));
        Assert.All(versions, v => Assert.Equal(("rss", "a", "1"), (v.Platform, v.AccountId, v.PostId)));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task RecordPoll_ReSeenPostWithoutOptionalFields_KeepsTheStoredValues()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] });

        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [post with { Url = null, Language = null, Author = null, Metrics = new PostMetrics(Likes: 30) }],
        }, capturedAt: Start.AddHours(1));

        var stored = Assert.Single(await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct)));
        Assert.Equal((post.Url, post.Language, post.Author), (stored.Post.Url, stored.Post.Language, stored.Post.Author));
        Assert.Equal(new PostMetrics(1, 2, 30, null), stored.Post.Metrics);
    }

    [Fact]
    public async Task RecordPoll_SnapshotNotes_RoundTrip()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);

        var written = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Notes = "repaired: 3 bare ampersands" });

        Assert.Equal("repaired: 3 bare ampersands", written.Snapshot.Notes);
        Assert.Equal(written.Snapshot, Assert.Single(await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(), Ct))));
    }

    [Fact]
    public async Task RecordPoll_TextWithANulCharacter_IsStoredWholeAndSeenAgainUnchanged()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1), "before\0after") with { Title = "T\0" };

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] });
        var again = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] }, capturedAt: Start.AddHours(1));

        Assert.Equal((0, 0), (again.NewPosts, again.EditedPosts));
        var stored = Assert.Single(await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct)));
        Assert.Equal(("T\0", "before\0after"), (stored.Post.Title, stored.Post.Text));
        var version = Assert.Single(await ToListAsync(host.Reader.ReadVersionsAsync(new RecordFilter(AccountId: "a"), Ct)));
        Assert.Equal(("T\0", "before\0after"), (version.Title, version.Text));
    }
}
