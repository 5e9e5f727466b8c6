using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Registers the <c>rss</c> platform adapter (RSS 2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed 1.1).</summary>
public static class FeedAdapterExtensions
{
    /// <summary>Binds <c>Monitor:Platforms:Rss</c> to <see cref="FeedOptions"/> and registers the feed adapter with its HttpClient.</summary>
    public static IServiceCollection AddFeedAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformAdapter<FeedAdapter, FeedOptions>(configuration, Platforms.Rss, "Rss");
}
