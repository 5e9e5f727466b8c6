using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitor.Core.Polling;
using Monitor.Worker.Jobs;
using Monitor.Worker.Tests.Web;
using Monitor.Worker.Web.Health;
using Quartz;

namespace Monitor.Worker.Tests.Jobs;

/// <summary>
/// The poll-cycle schedule as Quartz holds it, and the readiness check that follows the scheduler's lifecycle. Quartz
/// builds its job factory from a process-wide logger static that the service hosts set, so these run in their collection.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class SchedulingTests
{
    private static readonly TriggerKey PollCycleTrigger = new("poll-cycle-trigger", "monitor");

    [Fact]
    public async Task AddPollScheduling_Cron_CronTriggerInUtcSkippingMissedFirings()
    {
        await using var provider = BuildServices(("Monitor:Polling:Cron", "0 0/5 * * * ?"));
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(PollCycleTrigger, TestContext.Current.CancellationToken));

        Assert.Equal("0 0/5 * * * ?", trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc, trigger.TimeZone);
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
        Assert.Equal(SchedulingExtensions.PollCycleKey, trigger.JobKey);
    }

    [Fact]
    public async Task AddPollScheduling_NoCron_SimpleTriggerEveryCycleIntervalForever()
    {
        await using var provider = BuildServices(("Monitor:Polling:CycleInterval", "00:02:30"));
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(PollCycleTrigger, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(150), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount);
        Assert.Equal(SimpleTriggerMisfireInstruction.NextWithRemainingCount, trigger.MisfireInstruction);
    }

    [Fact]
    public async Task AddPollScheduling_InvalidCron_OptionsFailNamingTheKey()
    {
        await using var provider = BuildServices(("Monitor:Polling:Cron", "every five minutes"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PollingOptions>>().Value);

        Assert.Contains("Monitor:Polling:Cron: 'every five minutes' is not a valid Quartz cron expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulerHealthCheck_Lifecycle_HealthyOnlyWhileRunning()
    {
        await using var provider = BuildServices();
        var schedulers = provider.GetRequiredService<ISchedulerFactory>();
        var check = new SchedulerHealthCheck(schedulers);
        var ct = TestContext.Current.CancellationToken;
        var scheduler = await schedulers.GetScheduler(ct);

        Assert.Equal(("Unhealthy", "Scheduler not started"), await CheckAsync());

        await scheduler.Start(ct);
        Assert.Equal(("Healthy", "Scheduler running"), await CheckAsync());

        await scheduler.Standby(ct);
        Assert.Equal(("Unhealthy", "Scheduler in standby"), await CheckAsync());

        await scheduler.Shutdown(waitForJobsToComplete: false, ct);
        Assert.Equal(("Unhealthy", "Scheduler shut down"), await CheckAsync());

        async Task<(string, string?)> CheckAsync()
        {
            var result = await check.CheckHealthAsync(new HealthCheckContext(), ct);
            return (result.Status.ToString(), result.Description);
        }
    }

    private static ServiceProvider BuildServices(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<PollingOptions>().Bind(configuration.GetSection(PollingOptions.SectionPath));
        services.AddPollScheduling(configuration);
        return services.BuildServiceProvider();
    }
}
