namespace Monitor.Core.Adapters;

/// <summary>A stored post the platform no longer shows, and how the poll knows.</summary>
/// <param name="PostId">The stored post's id.</param>
/// <param name="Evidence">What the platform said.</param>
public sealed record PostDeletion(string PostId, DeletionEvidence Evidence);

/// <summary>Why a post is believed deleted; the wire names are the export's <c>evidence</c> values.</summary>
public enum DeletionEvidence
{
    /// <summary>A lookup of that one post answered 404/410 (Mastodon <c>GET /statuses/:id</c>, X "Not Found Error").</summary>
    NotFound,

    /// <summary>The platform returned a tombstone for the post (e.g. a deleted-record marker).</summary>
    Tombstone,

    /// <summary>The platform sent a delete event for the post (a streaming or webhook delete).</summary>
    DeleteEvent,

    /// <summary>
    /// The post was missing where it should have been (a listing page, a batch lookup that omits it). Weak evidence:
    /// confirmed only by repeated absence.
    /// </summary>
    Absent,
}
