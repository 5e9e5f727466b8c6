using System.Collections.Concurrent;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Storage;

/// <summary>A fake adapter for platform <c>test</c>: three posts per account, and a shared count of calls per account.</summary>
internal sealed class CountingAdapter(ConcurrentDictionary<string, int> calls, DateTimeOffset publishedAt) : IPlatformAdapter
{
    public const string PlatformKey = "test";

    public string Platform => PlatformKey;

    public AdapterCapabilities Capabilities { get; } = new();

    public string? ValidateHandle(string handle) => null;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        calls.AddOrUpdate(request.Account.Id, 1, (_, count) => count + 1);

        // Let the other hosts' claims interleave with this poll.
        await Task.Yield();
        var posts = Enumerable.Range(1, 3)
            .Select(i => new Post { PostId = $"{request.Account.Id}-{i}", PublishedAt = publishedAt.AddMinutes(-i), Text = $"post {i}" })
            .ToArray();
        return new FetchResult { Status = PollStatus.Ok, Posts = posts, Cursor = new PollCursor(Position: posts[0].PostId) };
    }
}
