using System.Globalization;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>Lists a page's posts newest first, following Graph API paging within a time window and a page cap.</summary>
internal sealed class FacebookPostPager(FacebookGraphClient graph, FacebookOptions options, ILogger logger)
{
    private const string Fields = "id,created_time,updated_time,message,permalink_url,shares,status_type,parent_id,full_picture,attachments{media,subattachments}";

    /// <summary>
    /// Reads <c>/{pageId}/posts</c> from <paramref name="since"/> (null: from the newest) until the last page,
    /// a post in <paramref name="known"/>, or <paramref name="maxPages"/>.
    /// </summary>
    public async Task<PostListing> ListAsync(
        string accountId, string pageId, DateTimeOffset? since, ISet<string> known, int maxPages, bool backfill,
        CancellationToken cancellationToken)
    {
        var posts = new List<GraphPost>();
        var query = $"fields={Fields}&limit={options.PageSize.ToString(CultureInfo.InvariantCulture)}"
            + (since is { } s ? "&since=" + s.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : string.Empty);
        for (var page = 1; page <= maxPages; page++)
        {
            var response = await graph.GetAsync($"{Uri.EscapeDataString(pageId)}/posts?{query}",
                FacebookJsonContext.Default.GraphPostList, cancellationToken);
            if (response.Failure is { } failure)
            {
                return new PostListing(posts, Complete: false, failure);
            }

            var data = response.Value!.Data ?? throw new PayloadFormatException("Graph API posts response has no 'data' array.");
            posts.AddRange(data);
            if (backfill)
            {
                Log.FacebookBackfillPage(logger, accountId, page, posts.Count);
            }

            var next = NextQuery(response.Value.Paging);
            // Without a since-bound, the posts we already hold are the stop: a burst bigger than a page is still read whole.
            if (next is null || data.Count == 0 || (since is null && data.Exists(p => p.Id is not null && known.Contains(p.Id))))
            {
                return new PostListing(posts, Complete: true, null);
            }

            query = next;
        }

        Log.FacebookPageCapReached(logger, accountId, maxPages);
        return new PostListing(posts, Complete: false, null);
    }

    /// <summary>
    /// The query of the next page, taken from <c>paging.next</c> but sent to our own base URL without its
    /// <c>access_token</c>: the Graph API embeds the token in <c>next</c>, which must never be requested, logged or
    /// stored as is. Null on the last page.
    /// </summary>
    public static string? NextQuery(GraphPaging? paging)
    {
        if (paging?.Next is not { } next || !Uri.TryCreate(next, UriKind.Absolute, out var uri) || uri.Query.Length < 2)
        {
            return null;
        }

        var kept = uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith("access_token=", StringComparison.OrdinalIgnoreCase));
        var query = string.Join('&', kept);
        return query.Length == 0 ? null : query;
    }
}

/// <summary>Posts read from a page's listing; <see cref="Complete"/> when the listing was read to its end or stop.</summary>
internal sealed record PostListing(IReadOnlyList<GraphPost> Posts, bool Complete, FetchResult? Failure);
