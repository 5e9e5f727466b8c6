using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>
/// Pages a channel's uploads playlist (newest first) where the feed's ~15 entries are not enough: back to BackfillSince
/// or the page cap on a first poll, down to the newest stored video when a burst overran the feed.
/// </summary>
internal sealed class YouTubeUploadsReader(YouTubeApiClient api, int maxPages, ILogger logger)
{
    public async Task<YouTubeResponse<List<Post>>> ReadAsync(string playlistId, FetchRequest request, CancellationToken cancellationToken)
    {
        var known = KnownIds(request);
        var stopBefore = request.IsFirstPoll
            ? request.BackfillSince
            : request.RecentPosts.Count > 0 ? request.RecentPosts.Max(p => p.PublishedAt) : null;
        var posts = new List<Post>();
        string? token = null;
        var pages = 0;
        var reachedKnown = false;
        do
        {
            var page = await api.GetUploadsPageAsync(playlistId, token, cancellationToken);
            if (page.Failure is not null) return YouTubeResponse<List<Post>>.Fail(page.Failure);
            pages++;
            foreach (var item in page.Value!.Items ?? [])
            {
                if (YouTubePostMapper.Map(item) is not { } post) continue;
                if (known.Contains(post.PostId) || post.PublishedAt < stopBefore)
                {
                    reachedKnown = true;
                    break;
                }

                posts.Add(post);
            }

            token = page.Value.NextPageToken;
            if (request.IsFirstPoll) Log.YouTubeBackfillProgress(logger, request.Account.Id, pages, posts.Count);
        }
        while (!reachedKnown && token is not null && pages < maxPages);

        if (!reachedKnown && token is not null)
        {
            Log.YouTubePageCapReached(logger, request.Account.Id, pages);
        }

        return YouTubeResponse<List<Post>>.Of(posts);
    }

    /// <summary>Videos the store already has: the recent posts and the cursor's newest id.</summary>
    public static HashSet<string> KnownIds(FetchRequest request)
    {
        var known = request.RecentPosts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        if (request.Cursor.Position is { } position) known.Add(position);
        return known;
    }
}
