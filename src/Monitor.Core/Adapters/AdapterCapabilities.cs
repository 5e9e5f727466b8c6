namespace Monitor.Core.Adapters;

/// <summary>Declares what a platform adapter supports.</summary>
/// <param name="NeedsCredentials">Polling fails as <c>unauthorized</c> without a configured token or key.</param>
/// <param name="IncrementalCursor">Fetches only what is newer than a stored cursor and pages forward through bursts.</param>
/// <param name="ConditionalGet">Sends <c>If-None-Match</c>/<c>If-Modified-Since</c>; a 304 is a poll without parsing.</param>
/// <param name="ProfileCounts">Fills followers/following/postsTotal in snapshots.</param>
/// <param name="EditDetection">Detects edited posts.</param>
/// <param name="DeletionDetection">Detects deleted posts among recent ones.</param>
public sealed record AdapterCapabilities(
    bool NeedsCredentials = false,
    bool IncrementalCursor = false,
    bool ConditionalGet = false,
    bool ProfileCounts = false,
    bool EditDetection = false,
    bool DeletionDetection = false);
