namespace Monitor.Core.Http;

/// <summary>
/// A request was refused because it would reach a loopback, private, link-local or unspecified address from a URL
/// the operator did not list (a redirect or a link found in remote content). Not transient: never retried.
/// </summary>
public sealed class PrivateNetworkRefusedException(string message) : HttpRequestException(HttpRequestError.Unknown, message);
