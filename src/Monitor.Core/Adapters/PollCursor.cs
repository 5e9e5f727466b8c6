namespace Monitor.Core.Adapters;

/// <summary>What an adapter needs to continue where the previous successful poll stopped.</summary>
/// <param name="ETag">HTTP entity tag for conditional requests.</param>
/// <param name="LastModified">HTTP Last-Modified value, stored verbatim (RFC 9110 §13.1.3 wants it echoed as sent).</param>
/// <param name="Position">
/// Platform cursor, private to the adapter: the newest post id seen (Mastodon <c>min_id</c>, Bluesky), or a small JSON
/// token (X: newest id, open gaps, last profile refresh, deletion lookups spent today).
/// </param>
/// <param name="ExternalId">
/// The platform's stable id for the account, recorded on first contact (X user id, Bluesky DID, YouTube channel id,
/// Mastodon account URI, Facebook page id); see <see cref="AccountIdentity"/>.
/// </param>
public sealed record PollCursor(
    string? ETag = null,
    string? LastModified = null,
    string? Position = null,
    string? ExternalId = null)
{
    /// <summary>The cursor of an account that has never been polled successfully.</summary>
    public static PollCursor Empty { get; } = new();
}
