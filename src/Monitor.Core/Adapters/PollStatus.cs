namespace Monitor.Core.Adapters;

/// <summary>Outcome of one account poll, recorded in its snapshot.</summary>
public enum PollStatus
{
    Ok,
    NotModified,
    Error,
    RateLimited,
    NotFound,
    Unauthorized,
    Suspended,

    /// <summary>
    /// A success: the account's stable id now goes by another handle than the listed one. Polling follows the stable id,
    /// the history stays with it, and the snapshot's error text names both handles until the list is updated.
    /// </summary>
    Renamed,

    /// <summary>
    /// The listed handle now resolves to a different stable id (a reused or hijacked handle): the account is not polled
    /// again until <c>accounts confirm ID</c> accepts the new identity.
    /// </summary>
    IdentityChanged,
}

/// <summary>Wire names (camelCase) of <see cref="PollStatus"/>, used in storage and exports.</summary>
public static class PollStatusNames
{
    public static string ToWireName(this PollStatus status) => status switch
    {
        PollStatus.Ok => "ok",
        PollStatus.NotModified => "notModified",
        PollStatus.Error => "error",
        PollStatus.RateLimited => "rateLimited",
        PollStatus.NotFound => "notFound",
        PollStatus.Unauthorized => "unauthorized",
        PollStatus.Suspended => "suspended",
        PollStatus.Renamed => "renamed",
        PollStatus.IdentityChanged => "identityChanged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PollStatus Parse(string wireName) => wireName switch
    {
        "ok" => PollStatus.Ok,
        "notModified" => PollStatus.NotModified,
        "error" => PollStatus.Error,
        "rateLimited" => PollStatus.RateLimited,
        "notFound" => PollStatus.NotFound,
        "unauthorized" => PollStatus.Unauthorized,
        "suspended" => PollStatus.Suspended,
        "renamed" => PollStatus.Renamed,
        "identityChanged" => PollStatus.IdentityChanged,
        _ => throw new FormatException($"Unknown poll status '{wireName}'."),
    };

    /// <summary>Ok, NotModified and Renamed are successes: the cursor advances and failures reset.</summary>
    public static bool IsSuccess(this PollStatus status) => status is PollStatus.Ok or PollStatus.NotModified or PollStatus.Renamed;
}
