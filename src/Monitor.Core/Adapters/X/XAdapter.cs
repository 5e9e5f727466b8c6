using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.X;

/// <summary>
/// X (Twitter) through API v2 with an app-only bearer token: user lookup (profile counts), the user timeline paged from
/// <c>since_id</c>, edits through the edit history, deletions through a lookup of recent posts.
/// </summary>
internal sealed class XAdapter(IHttpClientFactory httpClients, IOptions<XOptions> options, TimeProvider time, ILogger<XAdapter> logger)
    : IPlatformAdapter
{
    /// <summary>Without a token every poll would fail the same way; wait a day rather than loop on errors.</summary>
    private static readonly TimeSpan MissingTokenRecheck = TimeSpan.FromDays(1);

    private readonly XOptions options = options.Value;

    public string Platform => Platforms.X;

    public AdapterCapabilities Capabilities => new(
        NeedsCredentials: true, IncrementalCursor: true, ProfileCounts: true, EditDetection: true,
        DeletionDetection: options.CheckDeletions);

    public string? ValidateHandle(string handle) => XHandle.Validate(handle);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.BearerToken))
        {
            return FetchResult.Failed(PollStatus.Unauthorized,
                "X needs an app bearer token in Monitor:Platforms:X:BearerToken; no request was made.",
                retryAfter: time.GetUtcNow() + MissingTokenRecheck);
        }

        var api = new XApiClient(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, time, logger);
        var user = await api.GetUserAsync(XHandle.ToUsername(request.Account.Handle), cancellationToken);
        if (user.Failure is not null) return user.Failure;
        var account = user.Value!;
        var username = account.Username ?? XHandle.ToUsername(request.Account.Handle);

        var sinceId = request.Cursor.Position;
        if (request.Cursor.ExternalId is { } known && known != account.Id)
        {
            Log.XAccountChanged(logger, request.Account.Id, account.Id, known);
            sinceId = null;
        }

        var timeline = await ReadTimelineAsync(api, request, account.Id, username, sinceId, cancellationToken);
        if (timeline.Failure is not null) return timeline.Failure;
        var posts = timeline.Value!;

        var deleted = options.CheckDeletions
            ? await FindDeletedAsync(api, request, posts, cancellationToken)
            : [];
        var metrics = account.PublicMetrics;
        return new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = posts.Select(p => XPostMapper.Map(p, username)).ToArray(),
            Deletions = [.. deleted.Select(id => new PostDeletion(id, DeletionEvidence.NotFound))],
            Profile = metrics is null ? null : new ProfileCounts(metrics.FollowersCount, metrics.FollowingCount, metrics.TweetCount ?? metrics.PostCount),
            Cursor = request.Cursor with { Position = NewestId(posts) ?? sinceId, ExternalId = account.Id },
        };
    }

    /// <summary>
    /// Pages the timeline newest → oldest. With <c>since_id</c> X stops by itself at the last seen post, so a burst of
    /// any size up to the page cap is read whole; a first poll pages back to BackfillSince (<c>start_time</c>) or the cap.
    /// </summary>
    private async Task<XResponse<List<XPost>>> ReadTimelineAsync(
        XApiClient api, FetchRequest request, string userId, string username, string? sinceId, CancellationToken cancellationToken)
    {
        var backfill = request.IsFirstPoll || sinceId is null;
        var maxPages = backfill ? options.MaxBackfillPages : options.MaxPagesPerPoll;
        var startTime = backfill ? request.BackfillSince : null;
        var known = request.RecentPosts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        var posts = new List<XPost>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await api.GetTimelinePageAsync(userId, sinceId, startTime, token, cancellationToken);
            if (page.Failure is not null) return XResponse<List<XPost>>.Fail(page.Failure);
            var body = page.Value!;
            if (body.Data is null && body.Errors is [var problem, ..]) return XResponse<List<XPost>>.Fail(XFailures.FromProblem(problem, username));
            posts.AddRange(body.Data ?? []);
            pages++;
            token = body.Meta?.NextToken;
            if (backfill) Log.XBackfillProgress(logger, request.Account.Id, pages, posts.Count);

            // Without since_id (the handle's account changed, or nothing was ever posted) stop at the first stored post.
            if (sinceId is null && body.Data?.Any(p => known.Contains(p.Id)) == true) break;
        }
        while (token is not null && pages < maxPages);

        if (token is not null && pages >= maxPages)
        {
            Log.XPageCapReached(logger, request.Account.Id, pages);
        }

        return XResponse<List<XPost>>.Of(posts);
    }

    /// <summary>Recent stored posts not seen in this poll are looked up; those X reports as not found are gone.</summary>
    private async Task<IReadOnlyList<string>> FindDeletedAsync(XApiClient api, FetchRequest request, List<XPost> seen, CancellationToken cancellationToken)
    {
        var seenIds = seen.SelectMany(p => (p.EditHistoryTweetIds ?? p.EditHistoryPostIds ?? []).Append(p.Id)).ToHashSet(StringComparer.Ordinal);
        var candidates = request.RecentPosts.Select(p => p.PostId).Where(id => !seenIds.Contains(id)).Take(XApiClient.PageSize).ToArray();
        if (candidates.Length == 0) return [];

        var lookup = await api.LookupPostsAsync(candidates, cancellationToken);
        if (lookup.Failure is { } failure)
        {
            // A failed check must not cost the posts just read: the next poll checks again.
            Log.XDeletionCheckFailed(logger, request.Account.Id, failure.Status.ToWireName(), failure.Error);
            return [];
        }

        var asked = candidates.ToHashSet(StringComparer.Ordinal);
        return (lookup.Value!.Errors ?? [])
            .Where(e => e.Type?.EndsWith("/resource-not-found", StringComparison.Ordinal) == true)
            .Select(e => e.ResourceId ?? e.Value)
            .Where(id => id is not null && asked.Contains(id))
            .Select(id => id!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static string? NewestId(List<XPost> posts) =>
        posts.Count == 0 ? null : posts.Select(p => p.Id).Max(Comparer<string>.Create(XPostMapper.CompareIds));
}
