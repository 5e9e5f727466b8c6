using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>The real service graph around the <c>rss</c> adapter, with quick retries, for loopback tests.</summary>
internal static class FeedTestHost
{
    public static ServiceProvider Build(TimeProvider? time = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return MonitorTestServices.Build(settings, time);
    }

    public static IPlatformAdapter Adapter(this IServiceProvider services) =>
        services.GetRequiredService<AdapterRegistry>().Get(Platforms.Rss);

    public static FetchRequest Request(string feedUrl, PollCursor? cursor = null) => new(
        new TrackedAccount("test-feed", Platforms.Rss, feedUrl, "GBR", ActorType.ForeignMinistry),
        cursor ?? PollCursor.Empty,
        IsFirstPoll: cursor is null,
        BackfillSince: null,
        RecentPosts: []);
}
