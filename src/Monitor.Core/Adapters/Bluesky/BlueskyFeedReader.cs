using System.Globalization;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>
/// Pages an author feed (<c>app.bsky.feed.getAuthorFeed</c>) from the newest item back. The feed has no "since"
/// parameter and an opaque cursor, so a regular poll pages until it meets a post it already has; a first poll pages
/// until BackfillSince or the page cap.
/// </summary>
internal sealed class BlueskyFeedReader(BlueskyApi api, BlueskyOptions options, string accountKey, ILogger logger)
{
    // Client clocks and late indexing put posts slightly out of order; a post this much older than the newest
    // stored one ends the search even when every known post has since been deleted.
    private static readonly TimeSpan KnownTimeSlack = TimeSpan.FromDays(1);

    /// <summary>Posts newer than what is known (or the backfill), and when paging must pause for the rate limit.</summary>
    public async Task<BlueskyFeedRead> ReadAsync(string did, FetchRequest request, bool backfill, CancellationToken cancellationToken)
    {
        var known = request.RecentPosts.Select(p => p.PostId).Append(request.Cursor.Position)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        DateTimeOffset? floor = backfill ? request.BackfillSince
            : request.RecentPosts.Count > 0 ? request.RecentPosts.Max(p => p.PublishedAt) - KnownTimeSlack : null;
        var maxPages = backfill ? options.MaxBackfillPages : options.MaxPollPages;
        var posts = new List<Post>();
        string? cursor = null;
        for (var page = 1; page <= maxPages; page++)
        {
            var response = await GetPageAsync(did, cursor, cancellationToken);
            if (response.Failure is { } failure)
            {
                // A regular poll that cannot finish returns nothing, so the next one redoes the whole gap;
                // a backfill keeps what it has.
                return backfill && page > 1
                    ? Stop(posts, page - 1, failure.Status.ToWireName(), failure.RetryAfter)
                    : new BlueskyFeedRead([], failure, null);
            }

            var feed = response.Value!.Feed ?? throw new PayloadFormatException("A Bluesky author feed has no 'feed' array.");
            var reachedEnd = Collect(feed, known, floor, backfill, posts);
            if (backfill)
            {
                Log.BlueskyBackfillProgress(logger, accountKey, page, posts.Count, posts.Count > 0 ? posts.Min(p => p.PublishedAt) : null);
            }

            cursor = response.Value.Cursor;
            if (reachedEnd || feed.Count == 0 || string.IsNullOrEmpty(cursor))
            {
                return new BlueskyFeedRead(posts, null, response.Limit.Exhausted ? response.Limit.Reset : null);
            }

            if (response.Limit.Exhausted)
            {
                return backfill ? Stop(posts, page, "rate limit", response.Limit.Reset) : RateLimited(response.Limit.Reset);
            }
        }

        if (backfill)
        {
            return Stop(posts, maxPages, "page cap", null);
        }

        Log.BlueskyPollPageCapReached(logger, accountKey, maxPages);
        return new BlueskyFeedRead(posts, null, null);
    }

    // Adds the page's new items; true when a known post (or the time floor) says everything older is stored.
    private static bool Collect(List<BlueskyFeedItem> feed, HashSet<string> known, DateTimeOffset? floor, bool backfill, List<Post> posts)
    {
        foreach (var item in feed)
        {
            // A pinned post heads the feed whatever its age (only with includePins, which is not sent); a new one
            // also appears at its own place in time, so the pinned copy is neither new nor a stop signal.
            if (item.Reason?.Type == BlueskyPostMapper.ReasonPin)
            {
                continue;
            }

            var post = BlueskyPostMapper.ToPost(item);
            if ((!backfill && known.Contains(post.PostId)) || post.PublishedAt < floor)
            {
                return true;
            }

            posts.Add(post);
        }

        return false;
    }

    private Task<BlueskyResponse<BlueskyAuthorFeed>> GetPageAsync(string did, string? cursor, CancellationToken cancellationToken)
    {
        var query = new List<(string, string)>
        {
            ("actor", did), ("limit", options.PageSize.ToString(CultureInfo.InvariantCulture)), ("filter", options.FeedFilter),
        };
        if (cursor is not null)
        {
            query.Add(("cursor", cursor));
        }

        return api.QueryAsync("app.bsky.feed.getAuthorFeed", query, BlueskyJsonContext.Default.BlueskyAuthorFeed, cancellationToken);
    }

    private static BlueskyFeedRead RateLimited(DateTimeOffset? reset) => new(
        [], FetchResult.Failed(PollStatus.RateLimited, "Bluesky rate limit used up while paging.", 200, reset) with { PlatformWide = true }, null);

    private BlueskyFeedRead Stop(List<Post> posts, int pages, string reason, DateTimeOffset? deferUntil)
    {
        Log.BlueskyBackfillStopped(logger, accountKey, pages, reason);
        return new BlueskyFeedRead(posts, null, deferUntil);
    }
}

/// <summary>Posts read, the failure that ended the poll, and when the rate limit reopens.</summary>
internal sealed record BlueskyFeedRead(List<Post> Posts, FetchResult? Failure, DateTimeOffset? DeferUntil);
