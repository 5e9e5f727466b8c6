using System.IO.Compression;

namespace Monitor.Core.Http;

/// <summary>The HTTP content-codings Monitor asks for and decodes (RFC 9110 §8.4.1): gzip, deflate (zlib) and br.</summary>
internal static class ContentCoding
{
    /// <summary>The Accept-Encoding values sent.</summary>
    public static readonly string[] Accepted = ["gzip", "deflate", "br"];

    public static bool IsKnown(string coding) => coding.ToLowerInvariant() is "gzip" or "x-gzip" or "deflate" or "br" or "identity";

    /// <summary>A stream that reads <paramref name="encoded"/> decoded; disposing it disposes <paramref name="encoded"/>.</summary>
    public static Stream Decode(string coding, Stream encoded) => coding.ToLowerInvariant() switch
    {
        "gzip" or "x-gzip" => new GZipStream(encoded, CompressionMode.Decompress),
        "deflate" => new ZLibStream(encoded, CompressionMode.Decompress),
        "br" => new BrotliStream(encoded, CompressionMode.Decompress),
        "identity" => encoded,
        _ => throw new NotSupportedException($"Unknown content-coding '{coding}'."),
    };

    /// <summary>A stream that writes to <paramref name="output"/> encoded, leaving it open.</summary>
    public static Stream Encode(string coding, Stream output) => coding.ToLowerInvariant() switch
    {
        "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "br" => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "identity" => new NonClosingStream(output),
        _ => throw new NotSupportedException($"Unknown content-coding '{coding}'."),
    };

    /// <summary>Decodes <paramref name="body"/> through every coding, last applied first.</summary>
    public static byte[] DecodeAll(IEnumerable<string> codings, byte[] body)
    {
        foreach (var coding in codings.Reverse())
        {
            using var decoded = Decode(coding, new MemoryStream(body));
            using var buffer = new MemoryStream();
            decoded.CopyTo(buffer);
            body = buffer.ToArray();
        }

        return body;
    }

    /// <summary>Encodes <paramref name="body"/> through every coding, in the order listed.</summary>
    public static byte[] EncodeAll(IEnumerable<string> codings, byte[] body)
    {
        foreach (var coding in codings)
        {
            using var buffer = new MemoryStream();
            using (var encoder = Encode(coding, buffer))
            {
                encoder.Write(body);
            }

            body = buffer.ToArray();
        }

        return body;
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
