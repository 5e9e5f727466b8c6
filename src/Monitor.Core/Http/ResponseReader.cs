using System.Buffers;
using Monitor.Core.Adapters;

namespace Monitor.Core.Http;

/// <summary>Reads response bodies with a size cap, without buffering more than the cap.</summary>
public static class ResponseReader
{
    private const int FirstSegmentBytes = 16 * 1024;
    private const int MaxSegmentBytes = 1024 * 1024;

    /// <summary>
    /// Reads the body into memory, failing with <see cref="PayloadFormatException"/> as soon as it exceeds
    /// <paramref name="maxBytes"/> (checked against Content-Length first, then while streaming).
    /// </summary>
    /// <remarks>
    /// With a Content-Length the body is read straight into an array of that size, the one returned. Without one (a
    /// chunked or decompressed body) it is read into pooled segments and copied once into a right-sized array.
    /// </remarks>
    public static async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (declared is not { } length)
        {
            return await ReadPooledAsync(stream, [], maxBytes, cancellationToken);
        }

        var body = GC.AllocateUninitializedArray<byte>((int)length);
        var filled = await FillAsync(stream, body, cancellationToken);
        if (filled < body.Length)
        {
            return body[..filled]; // the body ended before its Content-Length: keep what came
        }

        // The declared length is the server's word, not a limit: anything beyond it is read (and capped) as before.
        var probe = new byte[1];
        return await stream.ReadAsync(probe, cancellationToken) == 0
            ? body
            : await ReadPooledAsync(stream, [.. body, probe[0]], maxBytes, cancellationToken);
    }

    private static async Task<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer[filled..], cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>
    /// Reads to the end after <paramref name="start"/> into segments from <see cref="ArrayPool{T}.Shared"/> (16 KB,
    /// doubling up to 1 MB each, so the pool never holds a huge one), then copies them once into the returned array.
    /// </summary>
    private static async Task<byte[]> ReadPooledAsync(Stream stream, byte[] start, long maxBytes, CancellationToken cancellationToken)
    {
        if (start.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var segments = new List<byte[]>();
        try
        {
            var segment = ArrayPool<byte>.Shared.Rent(FirstSegmentBytes);
            segments.Add(segment);
            long total = start.Length;
            var filled = 0;
            while (true)
            {
                if (filled == segment.Length)
                {
                    segment = ArrayPool<byte>.Shared.Rent(Math.Min(2 * segment.Length, MaxSegmentBytes));
                    segments.Add(segment);
                    filled = 0;
                }

                var read = await stream.ReadAsync(segment.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    return Join(start, segments, total, filled);
                }

                total += read;
                filled += read;
                if (total > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }
            }
        }
        finally
        {
            foreach (var segment in segments)
            {
                ArrayPool<byte>.Shared.Return(segment);
            }
        }
    }

    /// <summary><paramref name="start"/>, the full segments, then <paramref name="lastFilled"/> bytes of the last one, as one array.</summary>
    private static byte[] Join(byte[] start, List<byte[]> segments, long total, int lastFilled)
    {
        var body = GC.AllocateUninitializedArray<byte>((int)total);
        start.CopyTo(body, 0);
        var offset = start.Length;
        for (var i = 0; i < segments.Count; i++)
        {
            var length = i == segments.Count - 1 ? lastFilled : segments[i].Length;
            segments[i].AsSpan(0, length).CopyTo(body.AsSpan(offset));
            offset += length;
        }

        return body;
    }

    private static PayloadFormatException TooLarge(long maxBytes) =>
        new($"Response body exceeds the configured limit of {maxBytes:N0} bytes.");
}
