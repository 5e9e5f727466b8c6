namespace Monitor.Core.Entities;

/// <summary>
/// One stored entity of a post, in its comparison form: a hashtag in lower case (<see cref="EntityExtractor.FoldHashtag"/>), a mention or repost as
/// the handle's <see cref="Accounts.AccountHandleKey"/> form, a link normalised by <see cref="LinkNormalizer"/>.
/// </summary>
public sealed record PostEntity(EntityType Type, string Value, string? PlatformId = null);
