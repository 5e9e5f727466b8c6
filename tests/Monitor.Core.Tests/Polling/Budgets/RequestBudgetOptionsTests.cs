using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters.Mastodon;
using Monitor.Core.Adapters.X;
using Monitor.Testing;

namespace Monitor.Core.Tests.Polling.Budgets;

public sealed class RequestBudgetOptionsTests
{
    [Theory]
    [InlineData("Monitor:Platforms:Mastodon:Budget:Window", "00:00:00",
        "Monitor:Platforms:Mastodon:Budget:Window: The field Window must be between 00:00:01 and 366.00:00:00.")]
    [InlineData("Monitor:Platforms:Mastodon:Budget:Requests", "-1",
        "Monitor:Platforms:Mastodon:Budget:Requests: The field Requests must be between 0 and 100000000.")]
    public void Validate_BadBudget_NamesTheKey(string key, string value, string expected)
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?> { [key] = value });

        var read = () => services.GetRequiredService<IOptions<MastodonOptions>>().Value;

        Assert.Contains(expected, Assert.Throws<OptionsValidationException>(read).Failures);
    }

    [Fact]
    public void Bind_PartialBudget_KeepsThePlatformDefaultsForTheRest()
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?> { ["Monitor:Platforms:X:Budget:Requests"] = "500" });

        var budget = services.GetRequiredService<IOptions<XOptions>>().Value.Budget;
        var mastodon = services.GetRequiredService<IOptions<MastodonOptions>>().Value.Budget;

        Assert.Equal((500, TimeSpan.FromDays(30)), (budget.Requests, budget.Window));
        Assert.Equal((300, TimeSpan.FromMinutes(5), true), (mastodon.Requests, mastodon.Window, mastodon.PerHost));
    }
}
