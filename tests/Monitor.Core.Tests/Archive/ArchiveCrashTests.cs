using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Archive;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Tests.Http;
using Monitor.Testing;

namespace Monitor.Core.Tests.Archive;

/// <summary>
/// Issue 14's ordering guarantee: the process dies after the poll's capture is flushed and fsynced and before the
/// database write. After a restart and a re-poll every stored version names a response record that is in the archive
/// files (parsed back), and the crashed poll lost nothing the re-poll could not fetch again.
/// </summary>
public sealed class ArchiveCrashTests
{
    private const string EditedTitle = "UK announces further humanitarian support for Sudan";
    private static readonly byte[] Feed = Fixtures.ReadBytes("Feeds/govuk-fcdo.atom");
    private static readonly byte[] EditedFeed = Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(Feed).Replace("UK announces new humanitarian support for Sudan", EditedTitle, StringComparison.Ordinal));

    private static readonly Dictionary<string, string?> ArchiveOn = new() { ["Monitor:Archive:Enabled"] = "true" };

    [Fact]
    public async Task CrashBetweenArchiveFlushAndDatabaseWrite_LeavesNoVersionWithoutItsCapture()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Response.Body.WriteAsync(Interlocked.Increment(ref requests) <= 2 ? Feed : EditedFeed, context.RequestAborted).AsTask());
        var feedUrl = server.Url("/feed.atom");

        // The first process: its capture reaches the disk, then it dies at the database write.
        CrashingStore? crashing = null;
        var first = await FeedPollHost.StartAsync(ArchiveOn, services => services.AddSingleton<IPollResultStore>(provider =>
            crashing = new CrashingStore(provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.ResolvedPath())));
        var crashed = (await first.PollAsync(feedUrl)).Polls.Single();
        await first.StopAsync();

        Assert.Equal(PollStatus.Error, crashed.Status);
        Assert.Equal(1, crashing!.ResponsesOnDiskAtCrash);

        // The restart: a new process on the same database and archive, after the dead process's lease expired.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        await using var restarted = await FeedPollHost.StartAsync(ArchiveOn, directory: first.Directory, time: later);
        Assert.Empty(await ReadAllAsync(restarted.Services.GetRequiredService<IRecordReader>().ReadVersionsAsync(new RecordFilter(), CancellationToken.None)));
        Assert.Equal(PollStatus.Ok, (await restarted.PollAsync(feedUrl)).Polls.Single().Status);
        later.Advance(TimeSpan.FromHours(1));
        Assert.Equal(PollStatus.Ok, (await restarted.PollAsync(feedUrl)).Polls.Single().Status);

        var reader = restarted.Services.GetRequiredService<IRecordReader>();
        var posts = await ReadAllAsync(reader.ReadPostsAsync(new RecordFilter(), CancellationToken.None));
        var versions = await ReadAllAsync(reader.ReadVersionsAsync(new RecordFilter(), CancellationToken.None));
        var responses = ArchiveFolder.Files(restarted.ArchiveFolder).SelectMany(TestWarcReader.Read)
            .Where(record => record["WARC-Type"] == "response")
            .ToDictionary(record => record["WARC-Record-ID"], record => record.Http().Body);

        // Nothing lost: every entry of the feed is stored, with version 1 and the later edit.
        Assert.Equal(4, posts.Count);
        Assert.Equal(
            [(VersionReason.Created, 4), (VersionReason.Edited, 1)],
            versions.GroupBy(v => v.Reason).Select(g => (g.Key, g.Count())));
        // Three responses were archived; the crashed poll's is a capture without a version, which is allowed.
        Assert.Equal(3, responses.Count);
        // Every version names a response in the archive, and that response holds exactly the version's content.
        Assert.All(versions, version =>
        {
            Assert.NotNull(version.CaptureId);
            Assert.True(responses.TryGetValue(version.CaptureId, out var body), $"{version.PostId} v{version.Version}: {version.CaptureId} is in no archive file");
            var captured = FeedEntryMapper.Map(FeedParser.Parse(body, 1000, new Uri(feedUrl)), new Uri(feedUrl), later.GetUtcNow());
            Assert.Contains(captured, post => post.PostId == version.PostId && ContentHash.Compute(post) == version.ContentHash);
        });
        Assert.Equal(EditedTitle, versions.Single(v => v.Reason == VersionReason.Edited).Title);
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Dies at the database write, after checking what the archive files already hold.</summary>
    private sealed class CrashingStore(string archiveFolder) : IPollResultStore
    {
        public int ResponsesOnDiskAtCrash { get; private set; } = -1;

        public Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
        {
            ResponsesOnDiskAtCrash = ArchiveFolder.Files(archiveFolder).SelectMany(TestWarcReader.Read).Count(r => r["WARC-Type"] == "response");
            throw new IOException("simulated crash: the process died before the database write");
        }

        public Task<int> CountPostsSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<KnownPost>>([]);
    }
}
