using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Polling;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Registers Quartz with the poll-cycle job on <c>Monitor:Polling:CycleInterval</c> or <c>Monitor:Polling:Cron</c>.</summary>
internal static class SchedulingExtensions
{
    public static readonly JobKey PollCycleKey = new("poll-cycle", "monitor");

    public static IServiceCollection AddPollScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<PollingOptions>, CronValidator>();
        var polling = configuration.GetSection(PollingOptions.SectionPath).Get<PollingOptions>() ?? new PollingOptions();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<PollCycleJob>(job => job.WithIdentity(PollCycleKey).WithDescription("Keeps the poll pool fed with due accounts"));
            quartz.AddTrigger(trigger =>
            {
                trigger.ForJob(PollCycleKey).WithIdentity("poll-cycle-trigger", "monitor").StartNow();
                if (!string.IsNullOrWhiteSpace(polling.Cron) && CronExpression.TryParse(polling.Cron, out _))
                {
                    trigger.WithCronSchedule(polling.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing));
                }
                else
                {
                    trigger.WithSimpleSchedule(schedule => schedule
                        .WithInterval(polling.CycleInterval)
                        .RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
                }
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<PollPoolShutdown>();
        return services;
    }

    /// <summary>A cron expression Quartz cannot read stops start-up with the key's name.</summary>
    private sealed class CronValidator : IValidateOptions<PollingOptions>
    {
        public ValidateOptionsResult Validate(string? name, PollingOptions options) =>
            string.IsNullOrWhiteSpace(options.Cron) || CronExpression.TryParse(options.Cron, out _)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{PollingOptions.SectionPath}:Cron: '{options.Cron}' is not a valid Quartz cron expression (e.g. '0 0/5 * * * ?').");
    }
}
