using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Tests.Archive;

/// <summary>
/// An independent reader for the tests: decompresses the whole <c>.warc.gz</c> (System.IO.Compression reads every
/// member in turn) and splits the records by their Content-Length, as the WARC/1.1 specification frames them. Shares
/// no code with Monitor's reader or writer, base32 included.
/// </summary>
internal static class TestWarcReader
{
    public sealed record Record(string Version, Dictionary<string, string> Fields, byte[] Block)
    {
        public string this[string name] => Fields.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"record lacks {name}");

        public bool Has(string name) => Fields.ContainsKey(name);

        /// <summary>The HTTP message's header text and its body, for application/http records.</summary>
        public (string Head, byte[] Body) Http()
        {
            var text = Encoding.Latin1.GetString(Block);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return (text[..end], Block[(end + 4)..]);
        }

        public string? HttpHeader(string name) =>
            Http().Head.Split("\r\n").Skip(1).Select(line => line.Split(':', 2))
                .Where(parts => parts[0].Equals(name, StringComparison.OrdinalIgnoreCase)).Select(parts => parts[1].Trim()).FirstOrDefault();
    }

    public static List<Record> Read(string path)
    {
        using var gzip = new GZipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), CompressionMode.Decompress);
        using var all = new MemoryStream();
        gzip.CopyTo(all);
        var bytes = all.ToArray();
        var records = new List<Record>();
        var position = 0;
        while (position < bytes.Length)
        {
            var headerEnd = IndexOf(bytes, "\r\n\r\n"u8.ToArray(), position);
            var lines = Encoding.UTF8.GetString(bytes, position, headerEnd - position).Split("\r\n");
            var fields = lines.Skip(1).Select(line => line.Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var length = int.Parse(fields["Content-Length"], NumberStyles.None, CultureInfo.InvariantCulture);
            var blockStart = headerEnd + 4;
            var block = bytes[blockStart..(blockStart + length)];
            if (Encoding.ASCII.GetString(bytes, blockStart + length, 4) != "\r\n\r\n")
            {
                throw new InvalidDataException($"record at {position} is not followed by CRLF CRLF: Content-Length is wrong");
            }

            records.Add(new Record(lines[0], fields, block));
            position = blockStart + length + 4;
        }

        return records;
    }

    /// <summary>sha256: and RFC 4648 base32 (upper case, no padding), computed bit by bit.</summary>
    public static string Digest(byte[] bytes)
    {
        var bits = string.Concat(SHA256.HashData(bytes).Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        bits = bits.PadRight((bits.Length + 4) / 5 * 5, '0');
        var text = new StringBuilder("sha256:");
        for (var i = 0; i < bits.Length; i += 5)
        {
            text.Append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[Convert.ToInt32(bits.Substring(i, 5), 2)]);
        }

        return text.ToString();
    }

    /// <summary>The body with every content-coding undone (last applied first).</summary>
    public static byte[] Decode(byte[] body, string? contentEncoding)
    {
        foreach (var coding in (contentEncoding ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            Stream decoder = coding switch
            {
                "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
                "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
                "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
                _ => throw new InvalidDataException($"unknown coding {coding}"),
            };
            using (decoder)
            {
                using var output = new MemoryStream();
                decoder.CopyTo(output);
                body = output.ToArray();
            }
        }

        return body;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var at = haystack.AsSpan(from).IndexOf(needle);
        return at < 0 ? throw new InvalidDataException("no end of the WARC header") : from + at;
    }
}
