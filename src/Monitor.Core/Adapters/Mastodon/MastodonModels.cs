using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.Mastodon;

// Wire types of the Mastodon REST API (docs: entities/Account, entities/Status). Only the fields Monitor reads.

/// <summary>Mastodon <c>Account</c> entity.</summary>
internal sealed record MastodonAccount
{
    public string? Id { get; init; }
    public string? Acct { get; init; }

    /// <summary>The ActivityPub actor id (since 4.2): the account's stable identity across the fediverse.</summary>
    public string? Uri { get; init; }

    public string? Url { get; init; }
    public long? FollowersCount { get; init; }
    public long? FollowingCount { get; init; }
    public long? StatusesCount { get; init; }

    /// <summary>When the account was created (since 4.0 rounded to midnight UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Present and true when the instance suspended the account (since 3.3).</summary>
    public bool? Suspended { get; init; }

    /// <summary>The account this one moved to, when it did.</summary>
    public MastodonAccount? Moved { get; init; }
}

/// <summary>Mastodon <c>Status</c> entity.</summary>
internal sealed record MastodonStatus
{
    public string? Id { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public string? InReplyToId { get; init; }
    public string? Uri { get; init; }
    public string? Url { get; init; }
    public string? Content { get; init; }
    public string? Language { get; init; }
    public long? RepliesCount { get; init; }
    public long? ReblogsCount { get; init; }
    public long? FavouritesCount { get; init; }
    public MastodonAccount? Account { get; init; }

    /// <summary>The boosted status when this status is a boost.</summary>
    public MastodonStatus? Reblog { get; init; }

    /// <summary>Quote or ShallowQuote entity (Mastodon 4.4+); only its presence matters here.</summary>
    public JsonElement? Quote { get; init; }

    public IReadOnlyList<MastodonMediaAttachment>? MediaAttachments { get; init; }

    /// <summary>Hashtags used in the status (entities/Status#tags).</summary>
    public List<MastodonTag>? Tags { get; init; }

    /// <summary>Mentioned accounts (entities/Status#mentions); <c>acct</c> is <c>user</c> for the instance's own users, else <c>user@domain</c>.</summary>
    public List<MastodonMention>? Mentions { get; init; }
}

internal sealed record MastodonTag
{
    public string? Name { get; init; }
}

internal sealed record MastodonMention
{
    public string? Acct { get; init; }
}

/// <summary>
/// Mastodon <c>MediaAttachment</c> entity: <c>url</c> is the full-size file on this instance, <c>remote_url</c> the
/// original on the author's server (null for local media; <c>url</c> may be null while a remote file is not cached).
/// </summary>
internal sealed record MastodonMediaAttachment
{
    public string? Url { get; init; }
    public string? RemoteUrl { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MastodonAccount))]
[JsonSerializable(typeof(MastodonStatus))]
[JsonSerializable(typeof(List<MastodonStatus>))]
internal sealed partial class MastodonJsonContext : JsonSerializerContext;
