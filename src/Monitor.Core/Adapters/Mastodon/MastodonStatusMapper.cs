using Monitor.Core.Entities;
using System.Text.Json;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>Maps Mastodon statuses to posts.</summary>
internal static class MastodonStatusMapper
{
    /// <summary>
    /// A boost keeps its own id and time (the account's act) and takes text, URL, language, author and counts from the
    /// boosted status (docs: entities/Status#reblog). Precedence of kinds: boost, reply, quote.
    /// </summary>
    public static Post ToPost(MastodonStatus status)
    {
        if (string.IsNullOrEmpty(status.Id) || status.CreatedAt is null)
        {
            throw new PayloadFormatException("A Mastodon status lacks its id or created_at.");
        }

        var source = status.Reblog ?? status;
        return new Post
        {
            PostId = status.Id,
            Url = source.Url ?? source.Uri,
            PublishedAt = status.CreatedAt.Value,
            Kind = KindOf(status),
            Text = HtmlText.ToPlainText(source.Content),
            Language = source.Language,
            Author = source.Account?.Acct,
            Metrics = new PostMetrics(source.RepliesCount, source.ReblogsCount, source.FavouritesCount),
            EditedAt = status.Reblog is null ? status.EditedAt : null,
            Media = MediaLinks.Of(source.MediaAttachments?.Select(m => m?.Url ?? m?.RemoteUrl) ?? []),
            Entities = EntitiesOf(source),
        };
    }

    // Mastodon's ids of mentioned accounts are local to the instance asked, so only the acct is kept; links stay with
    // the text (the status lists none of its own). A boost's entities are those of the boosted status; the rules keep
    // only its author for a repost. A JSON null in either list is skipped like an entry without its field.
    private static PostEntities EntitiesOf(MastodonStatus source) => new()
    {
        Hashtags = source.Tags?.Select(t => t?.Name).OfType<string>().ToArray(),
        Mentions = source.Mentions?.Select(m => m?.Acct).OfType<string>().Select(acct => new EntityMention(acct)).ToArray(),
    };

    private static PostKind KindOf(MastodonStatus status) =>
        status.Reblog is not null ? PostKind.Repost
        : status.InReplyToId is not null ? PostKind.Reply
        : status.Quote is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } ? PostKind.Quote
        : PostKind.Post;
}
