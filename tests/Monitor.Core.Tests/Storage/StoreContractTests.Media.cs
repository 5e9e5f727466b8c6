using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>Media links: kept on the post and on each version; a change of media alone is not an edit.</summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] Photo = ["https://cdn.example.test/a.jpg"];
    private static readonly string[] Photos = ["https://cdn.example.test/a.jpg", "https://cdn.example.test/b.mp4"];

    [Fact]
    public async Task RecordPoll_Media_KeptOnThePostAndOnEachVersionAsOfItsCapture()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1), "First") with { Media = Photo };

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post] });
        var mediaOnly = await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Media = Photos }] }, capturedAt: Start.AddHours(1));
        var afterMediaChange = Assert.Single(await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct)));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Text = "Second", Media = Photos }] }, capturedAt: Start.AddHours(2));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.NotFound)] }, capturedAt: Start.AddHours(3));

        Assert.Equal(0, mediaOnly.EditedPosts);
        Assert.Equal(Photos, afterMediaChange.Post.Media);
        Assert.Null(afterMediaChange.EditedAt);
        var versions = await ToListAsync(host.Reader.ReadVersionsAsync(new RecordFilter(AccountId: "a"), Ct));
        Assert.Equal(
            [
                (1, VersionReason.Created, string.Join(' ', Photo)),
                (2, VersionReason.Edited, string.Join(' ', Photos)),
                (3, VersionReason.Deleted, string.Join(' ', Photos)),
            ],
            versions.Select(v => (v.Version, v.Reason, string.Join(' ', v.Media))));
    }

    [Fact]
    public async Task RecordPoll_ReSeenWithoutMedia_KeepsTheStoredMediaAndPostsWithoutMediaHaveNone()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var post = SamplePost("1", Start.AddDays(-1), "First") with { Media = Photos };
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post, SamplePost("2", Start.AddDays(-1), "Plain")] });

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [post with { Media = [] }] }, capturedAt: Start.AddHours(1));

        var posts = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).ToDictionary(p => p.Post.PostId);
        Assert.Equal(Photos, posts["1"].Post.Media);
        Assert.Empty(posts["2"].Post.Media);
        var versions = await ToListAsync(host.Reader.ReadVersionsAsync(new RecordFilter(AccountId: "a"), Ct));
        Assert.Equal([("1", 2), ("2", 0)], versions.OrderBy(v => v.PostId, StringComparer.Ordinal).Select(v => (v.PostId, v.Media.Count)));
    }
}
