namespace Monitor.Core.Adapters;

/// <summary>
/// The documented parse error of every adapter: the body could not be read as the platform's format
/// (malformed, truncated, oversized, forbidden DTD, wrong content). Fails that account's poll only.
/// </summary>
public sealed class PayloadFormatException : Exception
{
    public PayloadFormatException(string message) : base(message) { }

    public PayloadFormatException(string message, Exception innerException) : base(message, innerException) { }
}
