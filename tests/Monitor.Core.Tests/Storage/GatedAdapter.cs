using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Storage;

/// <summary>A fake adapter for platform <c>test</c> whose fetches wait until <see cref="Release"/>: a slow poll on demand.</summary>
internal sealed class GatedAdapter : IPlatformAdapter
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Platform => CountingAdapter.PlatformKey;

    public AdapterCapabilities Capabilities { get; } = new();

    public string? ValidateHandle(string handle) => null;

    public void Release() => release.TrySetResult();

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await release.Task.WaitAsync(cancellationToken);
        var post = new Post { PostId = $"{request.Account.Id}-1", PublishedAt = DateTimeOffset.UnixEpoch.AddYears(56), Text = "slow post" };
        return new FetchResult { Status = PollStatus.Ok, Posts = [post], Cursor = new PollCursor(Position: "after-slow-poll") };
    }
}
