using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Adapters;
using Monitor.Core.Tests.Adapters.Feeds;
using Monitor.Testing;
using Polly.CircuitBreaker;

namespace Monitor.Core.Tests.Resilience;

/// <summary>The Polly pipeline around the feed adapter's HttpClient, seen from a loopback server.</summary>
public sealed class FeedHttpPipelineTests
{
    private static readonly byte[] Feed = Fixtures.ReadBytes("Feeds/rss2-embassy.xml");

    [Fact]
    public async Task FetchAsync_TwoServerErrorsThenOk_SucceedsAfterRetries()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref calls) <= 2 ? Status(context, 500) : Serve(context));
        await using var services = FeedTestHost.Build();

        var result = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed")), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(7, result.Posts.Count);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithShortRetryAfter_WaitsOnTheInjectedClockThenRetries()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new TimerWatchingTimeProvider(TimeSpan.FromSeconds(5));
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (firstSeen.TrySetResult())
            {
                context.Response.Headers.RetryAfter = "5";
                return Status(context, 429);
            }

            return Serve(context);
        });
        await using var services = FeedTestHost.Build(time);

        var fetch = services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed")), ct);
        await firstSeen.Task.WaitAsync(ct);
        // The retry's delay timer exists on the fake clock: Polly took its TimeProvider from DI.
        await time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Single(server.Requests);
        Assert.False(fetch.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await fetch.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithRetryAfterBeyondMax_ReturnsRateLimitedWithoutRetry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 10, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "600";
            return Status(context, 429);
        });
        await using var services = FeedTestHost.Build(time);

        var result = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed")), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Equal(429, result.HttpStatus);
        Assert.Equal(time.GetUtcNow().AddSeconds(600), result.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_DeadHost_OpensItsCircuitWhileOtherHostsStillWork()
    {
        var ct = TestContext.Current.CancellationToken;
        var deadPort = ClosedPort();
        var deadUrl = $"http://127.0.0.1:{deadPort}/feed";
        using var circuits = new CircuitMeasurements($":{deadPort}");
        await using var healthy = await LoopbackServer.StartAsync(Serve);
        await using var services = FeedTestHost.Build(extra: new Dictionary<string, string?>
        {
            ["Monitor:Http:Resilience:BreakerMinimumThroughput"] = "4",
            ["Monitor:Http:Resilience:MaxRetryAttempts"] = "3",
        });
        var adapter = services.Adapter();

        // One poll makes four failing attempts (first try and three retries): enough to open the circuit.
        await Assert.ThrowsAsync<HttpRequestException>(() => adapter.FetchAsync(FeedTestHost.Request(deadUrl), ct));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => adapter.FetchAsync(FeedTestHost.Request(deadUrl), ct));
        var other = await adapter.FetchAsync(FeedTestHost.Request(healthy.Url("/feed")), ct);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => adapter.FetchAsync(FeedTestHost.Request(deadUrl), ct));

        Assert.Equal(PollStatus.Ok, other.Status);
        Assert.Single(healthy.Requests);
        Assert.Equal((1, 1), (circuits.Open, circuits.Opened));
    }

    [Fact]
    public async Task FetchAsync_DeadHost_RetryLogsAndTheOpenCircuitCarryTheErrorsMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var deadUrl = $"http://127.0.0.1:{ClosedPort()}/feed";
        await using var services = FeedTestHost.Build(extra: new Dictionary<string, string?>
        {
            ["Monitor:Http:Resilience:BreakerMinimumThroughput"] = "4",
            ["Monitor:Http:Resilience:MaxRetryAttempts"] = "3",
        });
        var adapter = services.Adapter();

        await Assert.ThrowsAsync<HttpRequestException>(() => adapter.FetchAsync(FeedTestHost.Request(deadUrl), ct));
        var broken = await Assert.ThrowsAsync<BrokenCircuitException>(() => adapter.FetchAsync(FeedTestHost.Request(deadUrl), ct));

        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.All(logs.Where(r => r.Id.Id == 1000), r => Assert.Contains("HttpRequestException: Connection refused", r.Message, StringComparison.Ordinal));
        Assert.Equal(3, logs.Count(r => r.Id.Id == 1000));
        Assert.Contains("(HttpRequestException: Connection refused", Assert.Single(logs, r => r.Id.Id == 1001).Message, StringComparison.Ordinal);
        // The poll's error ("host rested after repeated failures: ...") is built from the exception that opened the circuit.
        Assert.IsType<HttpRequestException>(broken.InnerException);
    }

    /// <summary>Sums the circuit instruments of the Monitor meter for one authority (the listener sees the whole process).</summary>
    private sealed class CircuitMeasurements : IDisposable
    {
        private const string OpenName = "monitor.http.circuits.open";
        private const string OpenedName = "monitor.http.circuits.opened";
        private readonly System.Diagnostics.Metrics.MeterListener listener = new();
        private long open;
        private long opened;

        public CircuitMeasurements(string authorityPart)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                // Compare by name: touching MonitorMetrics' fields here would run its static constructor inside this
                // callback, which then sees its own instruments published before the fields are assigned.
                if (instrument.Meter.Name == Diagnostics.MonitorMetrics.MeterName && instrument.Name is OpenName or OpenedName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "authority" && tag.Value is string authority && authority.EndsWith(authorityPart, StringComparison.Ordinal))
                    {
                        if (instrument.Name == OpenName)
                        {
                            Interlocked.Add(ref open, value);
                        }
                        else
                        {
                            Interlocked.Add(ref opened, value);
                        }
                    }
                }
            });
            listener.Start();
        }

        public long Open => Interlocked.Read(ref open);

        public long Opened => Interlocked.Read(ref opened);

        public void Dispose() => listener.Dispose();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static async Task Serve(HttpContext context)
    {
        context.Response.ContentType = "application/rss+xml";
        await context.Response.Body.WriteAsync(Feed, context.RequestAborted);
    }

    /// <summary>A fake clock that reports when a timer with a given due time is created (Polly's retry delay).</summary>
    private sealed class TimerWatchingTimeProvider(TimeSpan watchedDueTime) : FakeTimeProvider
    {
        private readonly TaskCompletionSource created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => created.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == watchedDueTime)
            {
                created.TrySetResult();
            }

            return timer;
        }
    }
}
