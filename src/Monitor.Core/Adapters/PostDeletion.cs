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

/// <summary>Wire names of <see cref="DeletionEvidence"/>.</summary>
public static class DeletionEvidenceNames
{
    public static string ToWireName(this DeletionEvidence evidence) => evidence switch
    {
        DeletionEvidence.NotFound => "notFound",
        DeletionEvidence.Tombstone => "tombstone",
        DeletionEvidence.DeleteEvent => "deleteEvent",
        DeletionEvidence.Absent => "absent",
        _ => throw new ArgumentOutOfRangeException(nameof(evidence), evidence, null),
    };

    public static DeletionEvidence Parse(string name) => name switch
    {
        "notFound" => DeletionEvidence.NotFound,
        "tombstone" => DeletionEvidence.Tombstone,
        "deleteEvent" => DeletionEvidence.DeleteEvent,
        "absent" => DeletionEvidence.Absent,
        _ => throw new FormatException($"Unknown deletion evidence '{name}'."),
    };
}
