using Monitor.Core.Accounts;

namespace Monitor.Core.Polling;

/// <summary>
/// Which host an account's polls load, for <c>Monitor:Polling:MaxConcurrencyPerHost</c>: the authority of a URL handle
/// (a feed, a profile URL), the instance of a Mastodon address (<c>@user@instance</c>: every account on one instance
/// shares its limits), else the platform (its API host serves every account).
/// </summary>
internal static class HostKey
{
    public static string Of(TrackedAccount account)
    {
        var handle = account.Handle.Trim();
        if (Uri.TryCreate(handle, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Scheme is "http" or "https")
        {
            return uri.Authority.ToLowerInvariant();
        }

        if (account.Platform == Platforms.Mastodon)
        {
            var parts = handle.TrimStart('@').Split('@');
            if (parts.Length == 2 && parts[1].Length > 0)
            {
                return parts[1].ToLowerInvariant();
            }
        }

        return account.Platform;
    }
}
