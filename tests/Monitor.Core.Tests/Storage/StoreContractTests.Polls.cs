using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    protected static Post SamplePost(string id, DateTimeOffset publishedAt, string? text = null) => new()
    {
        PostId = id,
        Url = $"https://example.test/posts/{id}",
        PublishedAt = publishedAt,
        Kind = PostKind.Reply,
        Title = $"Title {id}",
        Text = text ?? $"Text of {id}",
        Language = "en",
        Author = "Press office",
        Metrics = new PostMetrics(1, 2, 3, null),
    };

    [Fact]
    public async Task RecordPoll_NewPosts_AreStoredWithFirstAndLastSeenAtCapture()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var first = SamplePost("1", Start.AddDays(-2)) with { UpdatedAt = Start.AddDays(-1), EditedAt = Start.AddHours(-5) };
        var second = SamplePost("2", Start.AddDays(-1)) with { Metrics = null, Title = null, PublishedAtEstimated = true, Kind = PostKind.Quote };

        var written = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [second, first] });

        Assert.Equal((2, 0, 0), (written.NewPosts, written.EditedPosts, written.DeletedPosts));
        var stored = await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct));
        Assert.Equal(
            [new StoredPost("rss", "a", first, Start, Start, first.EditedAt, null), new StoredPost("rss", "a", second, Start, Start, null, null)],
            stored);
    }

    [Fact]
    public async Task RecordPoll_SamePostsAgain_CreatesNoDuplicatesAndAdvancesLastSeen()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] });
        var later = Start.AddHours(1);
        var refreshed = post with { Metrics = new PostMetrics(10, 20, 30, 40) };

        var written = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [refreshed, refreshed] }, capturedAt: later);

        Assert.Equal((0, 0), (written.NewPosts, written.EditedPosts));
        var stored = Assert.Single(await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct)));
        Assert.Equal(new StoredPost("rss", "a", refreshed, Start, later, null, null), stored);
    }

    public static TheoryData<string, DateTimeOffset?> EditCases => new()
    {
        // case, expected EditedAt (capture of the second poll is Start + 1 h)
        { "content", Start.AddHours(1) },
        // A moving "updated" time without a content change is not an edit (Facebook's updated_time moves on every comment).
        { "updatedForward", null },
        { "explicitEditedAt", Start.AddMinutes(20) },
        { "contentWithUpdatedForward", Start.AddMinutes(30) },
        { "unchanged", null },
        { "updatedBackward", null },
    };

    [Theory]
    [MemberData(nameof(EditCases))]
    public async Task RecordPoll_ChangedPost_IsDetectedAsEditKeepingItsIdentity(string change, DateTimeOffset? expectedEditedAt)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var original = SamplePost("1", Start.AddDays(-1)) with { UpdatedAt = Start.AddDays(-1) };
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [original] });
        var fetched = change switch
        {
            "content" => original with { Text = "Corrected text" },
            "updatedForward" => original with { UpdatedAt = Start.AddMinutes(30) },
            "explicitEditedAt" => original with { EditedAt = Start.AddMinutes(20), Text = "Edited on the platform" },
            "contentWithUpdatedForward" => original with { Title = "New title", UpdatedAt = Start.AddMinutes(30) },
            "updatedBackward" => original with { UpdatedAt = Start.AddDays(-2) },
            _ => original,
        };

        var written = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [fetched] }, capturedAt: Start.AddHours(1));

        Assert.Equal(expectedEditedAt is null ? 0 : 1, written.EditedPosts);
        var stored = Assert.Single(await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct)));
        Assert.Equal((Start, Start.AddHours(1), expectedEditedAt), (stored.FirstSeenAt, stored.LastSeenAt, stored.EditedAt));
        Assert.Equal((fetched.PostId, fetched.Title, fetched.Text), (stored.Post.PostId, stored.Post.Title, stored.Post.Text));
    }

    [Fact]
    public async Task RecordPoll_EstimatedDate_NeverOverwritesARealOneButARealOneReplacesAnEstimate()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var real = SamplePost("real", Start.AddDays(-3));
        var estimated = SamplePost("estimated", Start) with { PublishedAtEstimated = true };
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [real, estimated] });

        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [real with { PublishedAt = Start.AddHours(1), PublishedAtEstimated = true }, estimated with { PublishedAt = Start.AddHours(1) }],
        }, capturedAt: Start.AddHours(1));
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [estimated with { PublishedAt = Start.AddDays(-5), PublishedAtEstimated = false }],
        }, capturedAt: Start.AddHours(2));

        var stored = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).ToDictionary(p => p.Post.PostId);
        Assert.Equal((Start.AddDays(-3), false), (stored["real"].Post.PublishedAt, stored["real"].Post.PublishedAtEstimated));
        Assert.Equal((Start.AddDays(-5), false), (stored["estimated"].Post.PublishedAt, stored["estimated"].Post.PublishedAtEstimated));
    }

    [Fact]
    public async Task RecordPoll_DeletedPostIds_SetDeletedAtOnceAndKeepTheRow()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("1", Start.AddDays(-1)), SamplePost("2", Start.AddDays(-2))] });

        var first = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.NotFound), new PostDeletion("unknown", DeletionEvidence.NotFound)] }, capturedAt: Start.AddHours(1));
        var again = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.NotFound)] }, capturedAt: Start.AddHours(2));

        Assert.Equal((1, 0), (first.DeletedPosts, again.DeletedPosts));
        var stored = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).ToDictionary(p => p.Post.PostId);
        Assert.Equal(2, stored.Count);
        Assert.Equal(Start.AddHours(1), stored["1"].DeletedAt);
        Assert.Null(stored["2"].DeletedAt);
        Assert.Equal([new KnownPost("2", Start.AddDays(-2))], await host.Results.GetRecentPostsAsync("a", 10, Ct));
    }

    [Fact]
    public async Task CountPostsSince_CountsLivePostsPublishedFromThatTimeOn()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [SamplePost("old", Start.AddDays(-8)), SamplePost("edge", Start.AddDays(-7)), SamplePost("new", Start.AddHours(-1)), SamplePost("gone", Start.AddDays(-2))],
        });
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("gone", DeletionEvidence.NotFound)] }, capturedAt: Start.AddHours(1));
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("other", Start.AddHours(-2))] });

        Assert.Equal(2, await host.Results.CountPostsSinceAsync("a", Start.AddDays(-7), Ct));
        Assert.Equal(0, await host.Results.CountPostsSinceAsync("a", Start, Ct));
        Assert.Equal(1, await host.Results.CountPostsSinceAsync("b", Start.AddDays(-7), Ct));
    }

    [Fact]
    public async Task RecordPoll_Snapshot_RoundTripsExactly()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a", "mastodon")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("1", Start.AddDays(-9))] });
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = [SamplePost("1", Start.AddDays(-9)), SamplePost("2", Start.AddDays(-1)), SamplePost("3", Start.AddDays(-4))],
            Profile = new ProfileCounts(12_345_678_901, 42, 7),
        };
        var captured = Start.AddMinutes(7);

        var written = await RecordAsync(host, "a", result, capturedAt: captured);
        var failed = await RecordAsync(host, "a", FetchResult.Failed(PollStatus.RateLimited, "Too many requests", 429), capturedAt: captured.AddMinutes(1));

        var expected = new ActivitySnapshot("a", "mastodon", captured, PollStatus.Ok, 200, 2, 3, 12_345_678_901, 42, 7, Start.AddDays(-1), 250, null);
        var expectedFailure = new ActivitySnapshot("a", "mastodon", captured.AddMinutes(1), PollStatus.RateLimited, 429, 0, 0, null, null, null, null, 250, "Too many requests");
        Assert.Equal(expected, written.Snapshot);
        Assert.Equal(expectedFailure, failed.Snapshot);
        var snapshots = await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(From: captured), Ct));
        Assert.Equal([expected, expectedFailure], snapshots);
    }

    [Fact]
    public async Task RecordPoll_Cursor_AdvancesOnlyOnSuccessWithACursor()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var cursor = new PollCursor("\"etag\"", "Wed, 31 Dec 2025 10:00:00 GMT", "1234", "ext-9");

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Cursor = cursor });
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Error, Cursor = new PollCursor(Position: "bad") });
        var afterFailure = await StateOfAsync(host, "a");
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.NotModified });
        var afterNullCursor = await StateOfAsync(host, "a");
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.NotModified, Cursor = cursor with { Position = "5678" } });

        Assert.Equal(cursor, afterFailure.Cursor);
        Assert.Equal(cursor, afterNullCursor.Cursor);
        Assert.Equal(cursor with { Position = "5678" }, (await StateOfAsync(host, "a")).Cursor);
    }

    [Fact]
    public async Task RecordPoll_AccountState_CountsFailuresAndResetsThemOnSuccess()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var t1 = Start.AddMinutes(1);
        var t2 = Start.AddMinutes(2);
        var t3 = Start.AddMinutes(3);

        await RecordAsync(host, "a", FetchResult.Failed(PollStatus.Error, "boom"), capturedAt: t1, nextPollAt: t1.AddMinutes(5), failures: 1);
        await RecordAsync(host, "a", FetchResult.Failed(PollStatus.NotFound, "gone", 404), capturedAt: t2, nextPollAt: t2.AddMinutes(10), failures: 2);
        var failing = await StateOfAsync(host, "a");
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok }, capturedAt: t3, nextPollAt: t3.AddMinutes(30));

        Assert.Equal(new PollState(t2, t2.AddMinutes(10), null, 2, PollStatus.NotFound, "gone", PollCursor.Empty), failing);
        Assert.True(failing.IsFirstPoll);
        Assert.Equal(new PollState(t3, t3.AddMinutes(30), t3, 0, PollStatus.Ok, null, PollCursor.Empty), await StateOfAsync(host, "a"));
    }

    [Fact]
    public async Task RecordPoll_FreesTheLease()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok });

        var lease = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("w2", Start, Lease, 1, IgnoreSchedule: true), Ct));
        Assert.Equal("w2", lease.Owner);
    }

    [Fact]
    public async Task GetRecentPosts_ReturnsNewestFirstUpToTheLimitForThatAccount()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [SamplePost("old", Start.AddDays(-3)), SamplePost("newest", Start.AddDays(-1)), SamplePost("middle", Start.AddDays(-2))],
        });
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("other", Start)] });

        var recent = await host.Results.GetRecentPostsAsync("a", 2, Ct);

        Assert.Equal([new KnownPost("newest", Start.AddDays(-1)), new KnownPost("middle", Start.AddDays(-2))], recent);
    }
}
