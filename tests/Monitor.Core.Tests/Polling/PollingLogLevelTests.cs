using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Tests.Polling;

/// <summary>A service at Information logs what happened, not every heartbeat or dashboard call.</summary>
public sealed class PollingLogLevelTests
{
    [Theory]
    [InlineData(0, 1115, LogLevel.Debug)]
    [InlineData(3, 1101, LogLevel.Information)]
    public void CycleFinished_IdleCycleIsDebugAndAPollingOneInformation(int accounts, int eventId, LogLevel level)
    {
        var logger = new FakeLogger();

        Log.CycleFinished(logger, accounts, 0, 0, TimeSpan.FromSeconds(1));

        Assert.Equal((eventId, level), (logger.LatestRecord.Id.Id, logger.LatestRecord.Level));
    }

    [Fact]
    public void CycleStartedAndReportQueries_AreDebug()
    {
        var logger = new FakeLogger();

        Log.CycleStarted(logger, "worker-1");
        Log.ActivityQueried(logger, 3, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), TimeSpan.FromMilliseconds(5));

        Assert.All(logger.Collector.GetSnapshot(), record => Assert.Equal(LogLevel.Debug, record.Level));
    }
}
