using System.Diagnostics;
using System.Globalization;
using Monitor.Core.Http;

namespace Monitor.Bench.Http;

/// <summary>
/// <c>response-reader</c>: bytes allocated (and time) per body read, <c>ResponseReader.ReadBytesAsync</c> against the
/// MemoryStream-then-ToArray version it replaced, on bodies of typical feed sizes with and without a Content-Length.
/// The body comes from a non-seekable stream in 16 KB reads, as from a socket; the reads complete synchronously, so
/// the allocation counter of the current thread sees all of them.
/// </summary>
internal static class ResponseReaderCommand
{
    private const long Cap = 10L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = BenchArgs.Parse(args).Int("rounds", 200);
        var readers = new (string Name, Func<HttpResponseMessage, Task<byte[]>> Read)[]
        {
            ("ResponseReader", r => ResponseReader.ReadBytesAsync(r, Cap, CancellationToken.None)),
            ("MemoryStream baseline", r => MemoryStreamResponseReader.ReadBytesAsync(r, Cap, CancellationToken.None)),
        };
        Console.WriteLine($"Body reads, {rounds} interleaved rounds (allocated bytes per read, median µs per read):");
        Console.WriteLine();
        Console.WriteLine("| body | Content-Length | reader | allocated per read | ratio to body size | median µs |");
        Console.WriteLine("|---|---|---|---:|---:|---:|");
        foreach (var size in new[] { 40 * 1024, 1024 * 1024 })
        {
            var body = new byte[size];
            Random.Shared.NextBytes(body);
            foreach (var declared in new[] { true, false })
            {
                var bytes = new long[readers.Length];
                var times = readers.Select(_ => new double[rounds]).ToArray();
                for (var round = -20; round < rounds; round++)
                {
                    for (var r = 0; r < readers.Length; r++)
                    {
                        using var response = Response(body, declared);
                        var before = GC.GetAllocatedBytesForCurrentThread();
                        var start = Stopwatch.GetTimestamp();
                        var read = await readers[r].Read(response);
                        var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                        if (read.Length != size)
                        {
                            throw new InvalidOperationException($"{readers[r].Name} read {read.Length} bytes of {size}");
                        }

                        if (round >= 0)
                        {
                            bytes[r] += allocated;
                            times[r][round] = elapsed;
                        }
                    }
                }

                for (var r = 0; r < readers.Length; r++)
                {
                    var perRead = bytes[r] / rounds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {size / 1024} KB | {(declared ? "yes" : "no")} | {readers[r].Name} | {perRead:N0} B | {(double)perRead / size:0.00} | {times[r].Order().ElementAt(rounds / 2):0} |"));
                }
            }
        }

        return 0;
    }

    private static HttpResponseMessage Response(byte[] body, bool declared)
    {
        var content = new StreamContent(new ChunkedStream(body));
        content.Headers.ContentLength = declared ? body.Length : null;
        return new HttpResponseMessage { Content = content };
    }

    /// <summary>Non-seekable; at most 16 KB per read.</summary>
    private sealed class ChunkedStream(byte[] data) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 16 * 1024), data.Length - position);
            data.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
