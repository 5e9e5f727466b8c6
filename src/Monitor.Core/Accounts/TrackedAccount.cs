namespace Monitor.Core.Accounts;

/// <summary>A diplomatic account the monitor follows.</summary>
/// <param name="Id">Stable, unique identifier chosen by the user (e.g. <c>gbr-fcdo-news</c>).</param>
/// <param name="Platform">Platform key (see <see cref="Platforms"/>).</param>
/// <param name="Handle">Platform handle; for <c>rss</c> the feed URL.</param>
/// <param name="Country">ISO 3166-1 alpha-3 country code, upper case.</param>
/// <param name="Actor">Actor type.</param>
/// <param name="Name">Display name, optional.</param>
/// <param name="Language">BCP 47 language tag, optional.</param>
/// <param name="Enabled">Disabled accounts are kept but not polled.</param>
public sealed record TrackedAccount(
    string Id,
    string Platform,
    string Handle,
    string Country,
    ActorType Actor,
    string? Name = null,
    string? Language = null,
    bool Enabled = true);
