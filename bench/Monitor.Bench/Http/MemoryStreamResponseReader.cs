using Monitor.Core.Adapters;

namespace Monitor.Bench.Http;

/// <summary>The baseline: <c>ResponseReader</c> before pooled reads, verbatim apart from its name (a MemoryStream, then ToArray).</summary>
internal static class MemoryStreamResponseReader
{
    /// <summary>
    /// Reads the body into memory, failing with <see cref="PayloadFormatException"/> as soon as it exceeds
    /// <paramref name="maxBytes"/> (checked against Content-Length first, then while streaming).
    /// </summary>
    public static async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream(declared is > 0 ? (int)declared.Value : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static PayloadFormatException TooLarge(long maxBytes) =>
        new($"Response body exceeds the configured limit of {maxBytes:N0} bytes.");
}
