using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Monitor.Core.Archive;

/// <summary>One WARC/1.1 record: named header fields (in order) and the content block.</summary>
public sealed record WarcRecord(IReadOnlyList<KeyValuePair<string, string>> Fields, byte[] Block)
{
    public const string Version = "WARC/1.1";

    public string? this[string name] =>
        Fields.FirstOrDefault(field => field.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string Type => this["WARC-Type"] ?? string.Empty;

    public string Id => this["WARC-Record-ID"] ?? string.Empty;

    /// <summary>A new record id: <c>&lt;urn:uuid:…&gt;</c>.</summary>
    public static string NewId() => $"<urn:uuid:{Guid.NewGuid()}>";

    /// <summary>WARC-Date: UTC, ISO 8601, with the microseconds WARC/1.1 allows.</summary>
    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The record as written: version line, fields, Content-Length, blank line, block, two CRLFs.</summary>
    public byte[] Serialize()
    {
        var header = new StringBuilder(Version).Append("\r\n");
        foreach (var (name, value) in Fields.Where(field => !field.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            header.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        header.Append("Content-Length: ").Append(Block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(header.ToString());
        var bytes = new byte[head.Length + Block.Length + 4];
        head.CopyTo(bytes, 0);
        Block.CopyTo(bytes, head.Length);
        "\r\n\r\n"u8.CopyTo(bytes.AsSpan(head.Length + Block.Length));
        return bytes;
    }

    /// <summary>The record as one gzip member, so a reader can start at any record's offset.</summary>
    public byte[] SerializeGzipMember()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Serialize());
        }

        return buffer.ToArray();
    }
}
