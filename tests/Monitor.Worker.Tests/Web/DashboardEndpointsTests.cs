using Monitor.Core.Polling;
using Monitor.Worker.Web.Api;

namespace Monitor.Worker.Tests.Web;

public sealed class DashboardEndpointsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 2, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(null, 90, 90)]
    [InlineData("0 0/5 * * * ?", 90, 300)]
    [InlineData("0 0 6 * * ?", 90, 86_400)]
    [InlineData("not a cron", 90, 90)]
    public void CycleInterval_CronOrInterval_GapBetweenCycles(string? cron, int intervalSeconds, int expectedSeconds)
    {
        var polling = new PollingOptions { Cron = cron, CycleInterval = TimeSpan.FromSeconds(intervalSeconds) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DashboardEndpoints.CycleInterval(polling, Now));
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(15, 15)]
    [InlineData(60, 60)]
    [InlineData(3600, 3600)]
    public void RefreshInterval_CycleInterval_EveryCycleButNotUnder15Seconds(int cycleSeconds, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DashboardEndpoints.RefreshInterval(TimeSpan.FromSeconds(cycleSeconds)));
}
