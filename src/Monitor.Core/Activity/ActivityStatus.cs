namespace Monitor.Core.Activity;

/// <summary>
/// An account's activity status: <c>active</c>, <c>dormant</c>, <c>inactive</c> by the age of its last post, or the
/// platform's own verdict from the last poll (<c>notFound</c>, <c>unauthorized</c>, <c>suspended</c>).
/// </summary>
public static class ActivityStatus
{
    public const string Active = "active";
    public const string Dormant = "dormant";
    public const string Inactive = "inactive";
}
