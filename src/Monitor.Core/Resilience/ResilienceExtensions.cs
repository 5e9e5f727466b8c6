using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Monitor.Core.Resilience;

/// <summary>Puts Monitor's Polly pipeline around a named HttpClient.</summary>
public static class ResilienceExtensions
{
    /// <summary>
    /// Total timeout → retry (Retry-After aware, exponential backoff with jitter) → circuit breaker → attempt timeout,
    /// with one pipeline instance per request authority (scheme://host:port), so a dead site opens only its own circuit.
    /// </summary>
    public static IHttpClientBuilder AddMonitorResilience(this IHttpClientBuilder builder, Func<IServiceProvider, TimeSpan> attemptTimeout)
    {
        builder.AddResilienceHandler("monitor", (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var options = services.GetRequiredService<IOptions<HttpResilienceOptions>>().Value;
            var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitor.Http");
            pipeline.TimeProvider = time;

            pipeline
                .AddTimeout(options.TotalTimeout)
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
                    ShouldHandle = args => ValueTask.FromResult(
                        options.MaxRetryAttempts > 0 && TransientHttpFailure.ShouldRetry(args.Outcome, time.GetUtcNow(), options.MaxRetryAfter)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                        TransientHttpFailure.RetryDelay(args.Outcome, args.AttemptNumber, options, time.GetUtcNow(), Random.Shared.NextDouble())),
                    OnRetry = args =>
                    {
                        Log.HttpRetrying(logger, context.InstanceName, args.AttemptNumber + 1, args.RetryDelay, TransientHttpFailure.Describe(args.Outcome));
                        MonitorMetrics.HttpRetries.Add(1);
                        return default;
                    },
                })
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    FailureRatio = options.BreakerFailureRatio,
                    MinimumThroughput = options.BreakerMinimumThroughput,
                    SamplingDuration = options.BreakerSamplingDuration,
                    BreakDuration = options.BreakerBreakDuration,
                    ShouldHandle = args => ValueTask.FromResult(TransientHttpFailure.IsHostFailure(args.Outcome)),
                    // Polly: Closed → Open → HalfOpen (break over, one trial call) → Closed or Open again. "Open" in the
                    // gauge means rejecting calls, so it rises on OnOpened and falls on OnHalfOpened.
                    OnOpened = args =>
                    {
                        Log.CircuitOpened(logger, context.InstanceName, args.BreakDuration, TransientHttpFailure.Describe(args.Outcome));
                        MonitorMetrics.CircuitsOpen.Add(1, new KeyValuePair<string, object?>("authority", context.InstanceName));
                        MonitorMetrics.CircuitsOpened.Add(1, new KeyValuePair<string, object?>("authority", context.InstanceName));
                        return default;
                    },
                    OnHalfOpened = _ =>
                    {
                        MonitorMetrics.CircuitsOpen.Add(-1, new KeyValuePair<string, object?>("authority", context.InstanceName));
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        Log.CircuitClosed(logger, context.InstanceName);
                        return default;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions { Timeout = attemptTimeout(services) });
        }).SelectPipelineByAuthority();
        return builder;
    }
}
