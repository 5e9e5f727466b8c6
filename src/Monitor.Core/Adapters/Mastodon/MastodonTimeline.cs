using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>Pages through an account's statuses (<c>GET /api/v1/accounts/:id/statuses</c>).</summary>
internal sealed class MastodonTimeline(MastodonApi api, MastodonOptions options, string accountKey, ILogger logger)
{
    /// <summary>
    /// Everything newer than <paramref name="minId"/>, oldest page first. Docs (api/guidelines#pagination): <c>since_id</c>
    /// returns only the newest page and would drop the rest of a burst; <c>min_id</c> returns the page immediately
    /// newer than the id, and the Link header's <c>rel="prev"</c> continues from there. Stopping early (rate limit,
    /// page cap) loses nothing: the newest id read so far becomes the next poll's <c>min_id</c>.
    /// </summary>
    public async Task<MastodonTimelineRead> ReadNewerAsync(string accountId, string minId, CancellationToken cancellationToken)
    {
        var statuses = new List<MastodonStatus>();
        var cursor = minId;
        for (var page = 1; page <= options.MaxPollPages; page++)
        {
            var response = await GetPageAsync(accountId, "min_id", cursor, cancellationToken);
            if (Stopped(response, page, statuses) is { } stop)
            {
                return stop;
            }

            var batch = response.Value!;
            statuses.AddRange(batch);
            // A short page means nothing newer existed when it was served; skipping the empty confirmation
            // request saves a third of the requests of a quiet poll.
            if (batch.Count < options.PageSize || LimitReached(response.Limit))
            {
                return new MastodonTimelineRead(statuses, null, DeferUntil(response.Limit));
            }

            cursor = response.Links.PrevMinId ?? MastodonIdComparer.Newest(batch.Select(s => s.Id))!;
        }

        Log.MastodonPageCapReached(logger, accountKey, options.MaxPollPages, "forward; the next poll continues");
        return new MastodonTimelineRead(statuses, null, null);
    }

    /// <summary>
    /// A regular poll: the newest page (one request), which re-reads up to <see cref="MastodonOptions.PageSize"/> recent
    /// statuses with their current text, counts and <c>edited_at</c> (edits of statuses outside the small re-check window),
    /// and holds everything new unless a burst filled it: then the burst is read gap-free with <c>min_id</c> from the
    /// cursor as well.
    /// </summary>
    public async Task<MastodonTimelineRead> ReadLatestAsync(string accountId, string minId, CancellationToken cancellationToken)
    {
        var response = await GetPageAsync(accountId, "max_id", null, cancellationToken);
        if (Stopped(response, 1, []) is { } stop)
        {
            return stop;
        }

        var newest = response.Value!;
        var reachesCursor = newest.Count < options.PageSize
            || newest.Any(s => MastodonIdComparer.Instance.Compare(s.Id, minId) <= 0);
        if (reachesCursor || LimitReached(response.Limit))
        {
            return new MastodonTimelineRead(newest, null, DeferUntil(response.Limit));
        }

        var burst = await ReadNewerAsync(accountId, minId, cancellationToken);
        if (burst.Failure is not null)
        {
            return burst;
        }

        // Only a burst read up to the newest page joins it: otherwise the page's ids would move the cursor past the unread
        // middle of the burst, which the next poll reads from min_id instead.
        var joined = MastodonIdComparer.Instance.Compare(
            MastodonIdComparer.Newest(burst.Statuses.Select(s => s.Id)), MastodonIdComparer.Oldest(newest.Select(s => s.Id))) >= 0;
        var ids = burst.Statuses.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return joined ? burst with { Statuses = [.. burst.Statuses, .. newest.Where(s => !ids.Contains(s.Id))] } : burst;
    }

    /// <summary>
    /// First poll: the newest page, then older pages via Link <c>rel="next"</c> (<c>max_id</c>) until
    /// <paramref name="since"/>, the end of the history, or <see cref="MastodonOptions.MaxBackfillPages"/>.
    /// </summary>
    public async Task<MastodonTimelineRead> ReadHistoryAsync(string accountId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var statuses = new List<MastodonStatus>();
        string? maxId = null;
        for (var page = 1; page <= options.MaxBackfillPages; page++)
        {
            var response = await GetPageAsync(accountId, "max_id", maxId, cancellationToken);
            if (Stopped(response, page, statuses) is { } stop)
            {
                return stop;
            }

            var batch = response.Value!;
            var kept = since is null ? batch : batch.Where(s => s.CreatedAt >= since).ToList();
            statuses.AddRange(kept);
            Log.MastodonBackfillProgress(logger, accountKey, page, statuses.Count, statuses.Min(s => s.CreatedAt));
            if (kept.Count < batch.Count || batch.Count < options.PageSize || LimitReached(response.Limit))
            {
                return new MastodonTimelineRead(statuses, null, DeferUntil(response.Limit));
            }

            maxId = response.Links.NextMaxId ?? MastodonIdComparer.Oldest(batch.Select(s => s.Id));
        }

        Log.MastodonPageCapReached(logger, accountKey, options.MaxBackfillPages, "backfill");
        return new MastodonTimelineRead(statuses, null, null);
    }

    private Task<MastodonResponse<List<MastodonStatus>>> GetPageAsync(string accountId, string bound, string? id, CancellationToken cancellationToken)
    {
        var path = $"api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={options.PageSize}";
        if (id is not null)
        {
            path += $"&{bound}={Uri.EscapeDataString(id)}";
        }

        return api.GetAsync(path, MastodonJsonContext.Default.ListMastodonStatus, cancellationToken);
    }

    // The first page's failure is the poll's; a later one ends paging and keeps what was read, which stays gap-free.
    private MastodonTimelineRead? Stopped(MastodonResponse<List<MastodonStatus>> response, int page, List<MastodonStatus> statuses)
    {
        if (response.Failure is not { } failure)
        {
            return null;
        }

        if (page == 1)
        {
            return new MastodonTimelineRead(statuses, failure, null);
        }

        Log.MastodonPagingStopped(logger, accountKey, page, failure.Status.ToWireName(), failure.Error, statuses.Count);
        return new MastodonTimelineRead(statuses, null, failure.RetryAfter);
    }

    private bool LimitReached(MastodonRateLimit limit)
    {
        if (limit.Exhausted)
        {
            Log.MastodonRateLimitExhausted(logger, accountKey, limit.Reset);
        }

        return limit.Exhausted;
    }

    private static DateTimeOffset? DeferUntil(MastodonRateLimit limit) => limit.Exhausted ? limit.Reset : null;
}

/// <summary>Statuses read, the failure that ended the poll (first page only), and when the rate limit reopens.</summary>
internal sealed record MastodonTimelineRead(List<MastodonStatus> Statuses, FetchResult? Failure, DateTimeOffset? DeferUntil);
