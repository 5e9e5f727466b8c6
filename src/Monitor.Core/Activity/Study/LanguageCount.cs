namespace Monitor.Core.Activity.Study;

/// <summary>Posts one account published in the window in one language (the post's <c>language</c>; null when it has none).</summary>
public sealed record LanguageCount(string AccountId, string? Language, long Posts);
