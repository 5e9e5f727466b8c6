namespace Monitor.Core.Adapters;

/// <summary>Who an account is on its platform, as one call saw it.</summary>
/// <param name="StableId">The id that survives renames: X user id, Bluesky DID, YouTube channel id, Mastodon account URI, Facebook page id.</param>
/// <param name="CurrentHandle">The handle the platform shows for it now (without a leading @), when it says.</param>
public sealed record AccountIdentity(string StableId, string? CurrentHandle);
