using System.ComponentModel.DataAnnotations;
using Monitor.Core.Configuration;

namespace Monitor.Core.Activity;

/// <summary>How an account's activity status is classified (<c>Monitor:Activity</c>).</summary>
public sealed class ActivityOptions : IValidatableOptions
{
    public const string SectionPath = "Monitor:Activity";

    /// <summary>An account whose last post is older than this is no longer active but dormant. Default 30 days; 1 day to 10 years.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan DormantAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>An account whose last post is older than this (or that never posted) is inactive. Default 180 days; 1 day to 10 years.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromDays(180);

    public IEnumerable<string> Validate()
    {
        if (DormantAfter > InactiveAfter)
        {
            yield return $"{nameof(DormantAfter)}: must not be longer than {nameof(InactiveAfter)} ({InactiveAfter}).";
        }
    }
}
