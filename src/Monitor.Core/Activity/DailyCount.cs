namespace Monitor.Core.Activity;

/// <summary>Posts an account published on one UTC day.</summary>
public sealed record DailyCount(DateOnly Day, long Posts);
