using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// A 100 MB feed body is refused at the default 10 MiB cap without being read into memory: the fetch allocates a
/// small fraction of it. (How much the server managed to write meanwhile depends on loopback speed and socket buffers —
/// on a fast machine it can be all of it — so it is reported, not asserted.)
/// </summary>
[Collection(AllocationMeasuringCollection.Name)]
public sealed class OversizedBodyTests
{
    private const long Hundred = 100L * 1024 * 1024;

    public static TheoryData<bool> Framing => new() { true, false };

    [Theory]
    [MemberData(nameof(Framing))]
    public async Task FetchAsync_100MegabyteBody_IsRejectedAtTheCapWithoutReadingIt(bool declareLength)
    {
        long sent = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var chunk = new byte[64 * 1024];
            "<rss version=\"2.0\"><channel><title>"u8.CopyTo(chunk);
            chunk.AsSpan(34).Fill((byte)'a');
            context.Response.ContentType = "application/rss+xml";
            if (declareLength)
            {
                context.Response.ContentLength = Hundred;
            }

            try
            {
                while (sent < Hundred)
                {
                    // Once the client has hung up Kestrel drops writes and says so in the flush result.
                    var flush = await context.Response.BodyWriter.WriteAsync(chunk, context.RequestAborted);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        break;
                    }

                    Interlocked.Add(ref sent, chunk.Length);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The client hung up: what the test wants.
            }
            finally
            {
                done.TrySetResult();
            }
        });
        await using var services = MonitorTestServices.Build(new Dictionary<string, string?>());
        var adapter = services.GetRequiredService<AdapterRegistry>().Get(Platforms.Rss);
        var account = new TrackedAccount("huge", Platforms.Rss, server.Url("/huge.xml"), "GBR", ActorType.Embassy);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<PayloadFormatException>(() => adapter
            .FetchAsync(new FetchRequest(account, PollCursor.Empty, true, null, []), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var sentWhenRefused = Interlocked.Read(ref sent);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("Response body exceeds the configured limit of 10,485,760 bytes.", error.Message);
        Assert.True(allocated < Hundred / 2,
            $"the fetch allocated {allocated:N0} bytes (the server had written {sentWhenRefused:N0} when it failed)");
    }
}
