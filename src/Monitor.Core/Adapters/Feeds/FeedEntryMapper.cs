using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Maps parsed feed entries to domain posts: identity, usable dates, plain text, absolute URLs.</summary>
internal static class FeedEntryMapper
{
    // Clock skew and time-zone mistakes put real dates up to ~14 h ahead; a day leaves room for them and
    // nothing more. Anything earlier than the Unix epoch is a placeholder (0001-01-01, 1900-01-01), not a date.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// Maps every entry that has an identity; entries repeating an earlier entry's id are dropped (the first wins).
    /// </summary>
    /// <param name="feed">The parsed document.</param>
    /// <param name="feedUrl">The feed's URL, against which relative links are resolved.</param>
    /// <param name="now">First-seen time, used as the estimated date of entries without a usable one.</param>
    public static IReadOnlyList<Post> Map(ParsedFeed feed, Uri feedUrl, DateTimeOffset now)
    {
        var posts = new List<Post>(feed.Entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Entries)
        {
            if (Map(entry, feed.Language, feedUrl, now) is { } post && seen.Add(post.PostId))
            {
                posts.Add(post);
            }
        }

        return posts;
    }

    private static Post? Map(FeedEntry entry, string? feedLanguage, Uri feedUrl, DateTimeOffset now)
    {
        var link = ResolveWebUrl(entry.Link, feedUrl);
        var text = entry.Content?.ToPlainText() ?? entry.Summary?.ToPlainText();
        if (FeedIdentity.Resolve(entry, link, text) is not { } postId)
        {
            return null;
        }

        var updated = Usable(FeedDateParser.Parse(entry.Updated), now);
        var published = Usable(FeedDateParser.Parse(entry.Published), now) ?? updated;
        return new Post
        {
            PostId = postId,
            Url = link,
            PublishedAt = published ?? now,
            PublishedAtEstimated = published is null,
            Kind = PostKind.Post,
            Title = entry.Title?.ToPlainText(),
            Text = text,
            Language = entry.Language ?? feedLanguage,
            Author = entry.Author,
            UpdatedAt = updated,
            Media = MediaLinks.Of(entry.Media, feedUrl),
        };
    }

    /// <summary>The date when it is plausible: not before 1970, not more than a day ahead of <paramref name="now"/>.</summary>
    public static DateTimeOffset? Usable(DateTimeOffset? date, DateTimeOffset now) =>
        date is { } d && d >= Earliest && d <= now + FutureTolerance ? d : null;

    // Absolute links are kept as written (they may be ids too); relative ones are resolved against the feed URL.
    private static string? ResolveWebUrl(string? link, Uri feedUrl)
    {
        var value = link?.Trim();
        if (string.IsNullOrEmpty(value) || !Uri.TryCreate(feedUrl, value, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return Uri.IsWellFormedUriString(value, UriKind.Absolute) ? value : uri.AbsoluteUri;
    }
}
