using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Monitor.Bench.Cycle;

/// <summary>
/// <c>baseline</c>: the bare-HttpClient loop the pipeline is compared with. It GETs every URL of the file with the same
/// concurrency the worker uses and discards the bodies: no parsing, no storage, no resilience pipeline. A line
/// <c>URL&lt;TAB&gt;ETAG</c> sends the ETag as <c>If-None-Match</c> (a conditional request; 304 counts as answered).
/// Runs in its own process so its peak RSS is its own.
/// </summary>
internal static class BaselineCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var urls = await File.ReadAllLinesAsync(options.Text("urls") ?? throw new ArgumentException("--urls FILE is required."));
        var concurrency = options.Int("concurrency", 16);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });

        var next = -1;
        var failed = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < urls.Length)
            {
                var (url, etag) = urls[i].Split('\t') is [var u, var e] ? (u, e) : (urls[i], string.Empty);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (etag.Length > 0)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                var counting = new CountingStream();
                await body.CopyToAsync(counting);
                Interlocked.Add(ref bytes, counting.Length);
                if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(workers);
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BASELINE requests={urls.Length} failed={failed} bytes={bytes} seconds={clock.Elapsed.TotalSeconds:0.000}"));
        return failed == 0 ? 0 : 2;
    }

    /// <summary>A sink that only counts, so the bodies are read in full and thrown away.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
