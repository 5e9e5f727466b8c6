using System.Globalization;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>A body over <c>MaxResponseBytes</c> fails the poll without being read to the end.</summary>
public sealed class FeedSizeLimitTests
{
    private const int Cap = 64 * 1024;
    private const long Declared = 64L * 1024 * 1024;

    public static TheoryData<bool> Framing => new() { true, false };

    /// <summary>
    /// The server sends at most four times the cap and then holds the rest back until the client has failed: an
    /// adapter that tried to read the whole body would wait for it and never throw.
    /// </summary>
    [Theory]
    [MemberData(nameof(Framing))]
    public async Task FetchAsync_BodyOverCap_ThrowsWithoutReadingItAll(bool declareLength)
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chunk = new byte[16 * 1024];
        "<rss><channel>"u8.CopyTo(chunk);
        chunk.AsSpan(14).Fill((byte)' ');
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            if (declareLength)
            {
                context.Response.ContentLength = Declared;
            }
            else
            {
                for (var sent = 0; sent < 4 * Cap; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }

            await context.Response.Body.FlushAsync(context.RequestAborted);
            await rest.Task.WaitAsync(context.RequestAborted);
        });
        await using var services = FeedTestHost.Build(extra: new Dictionary<string, string?>
        {
            ["Monitor:Platforms:Rss:MaxResponseBytes"] = Cap.ToString(CultureInfo.InvariantCulture),
        });

        try
        {
            // The timeout only turns a hang into a failure; a correct adapter throws as soon as the cap is passed.
            var ex = await Assert.ThrowsAsync<PayloadFormatException>(() => services.Adapter()
                .FetchAsync(FeedTestHost.Request(server.Url("/huge")), TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

            Assert.Equal("Response body exceeds the configured limit of 65,536 bytes.", ex.Message);
        }
        finally
        {
            rest.TrySetResult();
        }
    }
}
