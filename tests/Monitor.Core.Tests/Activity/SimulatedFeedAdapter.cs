using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// A platform as the poller sees it over simulated time: the newest <see cref="GroundTruthHistory.FeedWindow"/> posts
/// published by "now", the follower count and, except on Bluesky, the platform's post counter.
/// </summary>
internal sealed class SimulatedFeedAdapter(string platform, GroundTruthHistory history, TimeProvider time) : IPlatformAdapter
{
    public string Platform => platform;

    public AdapterCapabilities Capabilities { get; } = new(ProfileCounts: true);

    public string? ValidateHandle(string handle) => null;

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.Account == GroundTruthHistory.Suspended)
        {
            return Task.FromResult(FetchResult.Failed(PollStatus.Suspended, "Account suspended.", 403));
        }

        var published = history.Truth.Where(p => p.AccountId == request.Account.Id && p.PublishedAt <= now).ToList();
        var followers = 5_000 + (long)(now - GroundTruthHistory.HistoryStart).TotalHours;
        return Task.FromResult(new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = published.TakeLast(GroundTruthHistory.FeedWindow)
                .Select(p => new Post { PostId = p.PostId, PublishedAt = p.PublishedAt, Kind = p.Kind }).ToArray(),
            Profile = new ProfileCounts(followers, null, platform == "bluesky" ? null : 1_000 + published.Count),
        });
    }
}
