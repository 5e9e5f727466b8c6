namespace Monitor.Core.Entities;

/// <summary>
/// Entities an adapter read from the platform's wire format (Mastodon <c>tags</c>/<c>mentions</c>, Bluesky facets,
/// X <c>entities</c>). A list left null is not known from the wire and is extracted from the text instead
/// (<see cref="PostEntityRules"/>).
/// </summary>
public sealed record PostEntities
{
    /// <summary>Hashtags without the <c>#</c>.</summary>
    public IReadOnlyList<string>? Hashtags { get; init; }

    public IReadOnlyList<EntityMention>? Mentions { get; init; }

    /// <summary>Absolute http(s) links as the platform gives them (expanded, not shortened, where it can).</summary>
    public IReadOnlyList<string>? Links { get; init; }

    /// <summary>Whose post a repost reposts, when the platform says so.</summary>
    public EntityMention? RepostOf { get; init; }
}

/// <summary>A mentioned (or reposted) account: its handle as written (with or without <c>@</c>) and, when known, the platform's id of it.</summary>
public sealed record EntityMention(string Handle, string? PlatformId = null);
