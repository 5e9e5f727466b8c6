using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters;

public sealed class PlatformConcurrencyTests
{
    [Fact]
    public void LimitFor_RegisteredPlatforms_TakesEachPlatformsMaxConcurrencySetting()
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?>
        {
            ["Monitor:Platforms:Rss:MaxConcurrency"] = "3",
        });
        var concurrency = services.GetRequiredService<PlatformConcurrency>();

        Assert.Equal(3, concurrency.LimitFor(Platforms.Rss, fallback: 8));
        Assert.Equal(1, concurrency.LimitFor(Platforms.Telegram, fallback: 8));
        Assert.Equal(2, concurrency.LimitFor(Platforms.Mastodon, fallback: 8));
        Assert.Equal(4, concurrency.LimitFor(Platforms.X, fallback: 8));
        Assert.Equal(8, concurrency.LimitFor("unregistered", fallback: 8));
    }
}
