namespace Monitor.Core.Activity;

/// <summary>Posts an account published on one UTC day, in total and per hour of that day (24 counts, hour 0 first).</summary>
public sealed record DailyCount(DateOnly Day, long Posts, IReadOnlyList<long> ByHourUtc);
