namespace Monitor.Core.Posts;

/// <summary>Why a post version was recorded; the wire names are the export's <c>reason</c> values.</summary>
public enum VersionReason
{
    /// <summary>The first capture of the post (version 1).</summary>
    Created,

    /// <summary>The post's content changed on the platform.</summary>
    Edited,

    /// <summary>The platform's evidence confirmed the post deleted.</summary>
    Deleted,

    /// <summary>A post marked deleted was seen again.</summary>
    Restored,

    /// <summary>
    /// The monitor's own text extraction changed (a newer <see cref="ContentHash.NormaliserVersion"/>) and the stored
    /// content was re-derived from the same source; never counted as an edit.
    /// </summary>
    Reparsed,
}

/// <summary>Wire names of <see cref="VersionReason"/>.</summary>
public static class VersionReasonNames
{
    public static string ToWireName(this VersionReason reason) => reason switch
    {
        VersionReason.Created => "created",
        VersionReason.Edited => "edited",
        VersionReason.Deleted => "deleted",
        VersionReason.Restored => "restored",
        VersionReason.Reparsed => "reparsed",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static VersionReason Parse(string name) => name switch
    {
        "created" => VersionReason.Created,
        "edited" => VersionReason.Edited,
        "deleted" => VersionReason.Deleted,
        "restored" => VersionReason.Restored,
        "reparsed" => VersionReason.Reparsed,
        _ => throw new FormatException($"Unknown version reason '{name}'."),
    };
}
