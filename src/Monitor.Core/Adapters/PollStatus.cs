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
        _ => throw new FormatException($"Unknown poll status '{wireName}'."),
    };

    /// <summary>Ok and NotModified are successes: the cursor advances and failures reset.</summary>
    public static bool IsSuccess(this PollStatus status) => status is PollStatus.Ok or PollStatus.NotModified;
}
