using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Adapters.X;

/// <summary>
/// Reads the user timeline newest → oldest. A regular poll reads everything after the cursor's newest id and then, with
/// the pages left, the gaps earlier bursts left open; a burst beyond the page cap leaves a new gap
/// (<c>since_id</c>…<c>until_id</c> of its oldest post read), closed by later polls and never skipped. A first poll pages
/// back to BackfillSince (<c>start_time</c>) or the backfill cap, which is a deliberate bound and leaves no gap.
/// Gaps get the pages of MaxPagesPerPoll the new posts left, and at least one when the new posts were read to the end,
/// so a gap always progresses unless the account keeps bursting past the cap.
/// </summary>
internal sealed class XTimelineReader(XApiClient api, XOptions options, string accountKey, ILogger logger)
{
    public async Task<XTimelineRead> ReadAsync(FetchRequest request, string userId, XCursor cursor, CancellationToken cancellationToken)
    {
        if (request.IsFirstPoll || cursor.Newest is null)
        {
            // Without since_id (nothing read yet, or a cursor reset) stop at the first stored post.
            var known = request.RecentPosts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
            var history = await ReadRangeAsync(userId, null, null, request.BackfillSince, options.MaxBackfillPages, known, true, cancellationToken);
            if (!history.Complete) Log.XPageCapReached(logger, accountKey, history.Pages);
            return history.Failure is { } failed
                ? XTimelineRead.Failed(failed)
                : new XTimelineRead(history.Posts, history.Author, NewestId(history.Posts) ?? cursor.Newest, [], null);
        }

        var budget = options.MaxPagesPerPoll;
        var fresh = await ReadRangeAsync(userId, cursor.Newest, null, null, budget, null, false, cancellationToken);
        if (fresh.Failure is { } failure) return XTimelineRead.Failed(failure);

        budget = fresh.Complete ? Math.Max(1, budget - fresh.Pages) : budget - fresh.Pages;
        var posts = new List<XPost>(fresh.Posts);
        var author = fresh.Author;
        var gaps = new List<XGap>();
        if (!fresh.Complete && OldestId(fresh.Posts) is { } oldest)
        {
            gaps.Add(new XGap(cursor.Newest, oldest));
            Log.XGapOpened(logger, accountKey, fresh.Pages, cursor.Newest, oldest);
        }

        FetchResult? stoppedBy = null;
        foreach (var gap in cursor.Gaps ?? [])
        {
            if (budget <= 0 || stoppedBy is not null)
            {
                gaps.Add(gap);
                continue;
            }

            var read = await ReadRangeAsync(userId, gap.Since, gap.Until, null, budget, null, false, cancellationToken);
            budget -= read.Pages;
            posts.AddRange(read.Posts);
            author ??= read.Author;
            stoppedBy = read.Failure;
            if (read.Complete && read.Failure is null)
            {
                Log.XGapClosed(logger, accountKey, gap.Since, gap.Until, read.Posts.Count);
                continue;
            }

            // What was read of the gap is stored with this poll; the rest stays open.
            gaps.Add(OldestId(read.Posts) is { } reached ? gap with { Until = reached } : gap);
        }

        if (stoppedBy is not null) Log.XGapPaused(logger, accountKey, stoppedBy.Status.ToWireName(), stoppedBy.Error);
        var deferUntil = stoppedBy is { Status: PollStatus.RateLimited } limited ? limited.RetryAfter : null;
        return new XTimelineRead(posts, author, NewestId(fresh.Posts) ?? cursor.Newest, gaps, deferUntil);
    }

    private async Task<XRangeRead> ReadRangeAsync(
        string userId, string? sinceId, string? untilId, DateTimeOffset? startTime, int maxPages, HashSet<string>? stopAt, bool backfill,
        CancellationToken cancellationToken)
    {
        var posts = new List<XPost>();
        XUser? author = null;
        string? token = null;
        var pages = 0;
        do
        {
            var page = await api.GetTimelinePageAsync(userId, sinceId, untilId, startTime, token, cancellationToken);
            if (page.Failure is not null) return new XRangeRead(posts, author, pages, false, page.Failure);
            var body = page.Value!;
            if (body.Data is null && body.Errors is [var problem, ..])
            {
                return new XRangeRead(posts, author, pages, false, XFailures.FromProblem(problem, "id:" + userId));
            }

            posts.AddRange(body.PostsWithMedia());
            author ??= body.Includes?.Users?.FirstOrDefault(u => u.Id == userId);
            pages++;
            token = body.Meta?.NextToken;
            if (backfill) Log.XBackfillProgress(logger, accountKey, pages, posts.Count);
            if (stopAt is not null && body.Data?.Any(p => stopAt.Contains(p.Id)) == true) token = null;
        }
        while (token is not null && pages < maxPages);

        return new XRangeRead(posts, author, pages, token is null, null);
    }

    public static string? NewestId(IEnumerable<XPost> posts) => posts.Select(p => p.Id).Order(IdOrder).LastOrDefault();

    private static string? OldestId(IEnumerable<XPost> posts) => posts.Select(p => p.Id).Order(IdOrder).FirstOrDefault();

    private static readonly IComparer<string> IdOrder = Comparer<string>.Create(XPostMapper.CompareIds);

    private sealed record XRangeRead(List<XPost> Posts, XUser? Author, int Pages, bool Complete, FetchResult? Failure);
}

/// <summary>
/// Posts read, the author object a page carried (metrics, username), the next cursor's newest id and open gaps, and when
/// a rate limit met while closing gaps reopens; or the failure that ended the poll.
/// </summary>
internal sealed record XTimelineRead(
    IReadOnlyList<XPost> Posts, XUser? Author, string? Newest, IReadOnlyList<XGap> Gaps, DateTimeOffset? DeferUntil, FetchResult? Failure = null)
{
    public static XTimelineRead Failed(FetchResult failure) => new([], null, null, [], null, failure);
}
