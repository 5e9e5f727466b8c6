namespace Monitor.Core.Archive;

/// <summary>The archive could not take a poll's exchange; the poll fails rather than store a version without its capture.</summary>
public sealed class CaptureArchiveException(string message, Exception inner) : Exception(message, inner);
