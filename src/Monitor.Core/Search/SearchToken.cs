namespace Monitor.Core.Search;

/// <summary>One folded token and where it stands in the text it came from (UTF-16 offsets).</summary>
public readonly record struct SearchToken(string Value, int Start, int Length);
