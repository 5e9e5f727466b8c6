using System.Globalization;
using System.Text;

namespace Monitor.Core.Archive;

/// <summary>One record of a <c>.warc.gz</c> file as read back: where it starts, and the record or why it is bad.</summary>
public sealed record WarcEntry(string File, long Offset, WarcRecord? Record, string? Problem);

/// <summary>
/// Reads a <c>.warc.gz</c> file member by member and checks each record: one record per gzip member, the block as
/// long as its Content-Length, and WARC-Block-Digest and WARC-Payload-Digest (sha256) over the stored bytes.
/// After a damaged member it resumes at the next gzip header.
/// </summary>
public static class WarcFileReader
{
    public static IEnumerable<WarcEntry> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        var name = Path.GetFileName(path);
        var offset = 0L;
        var resyncing = false;
        while (offset < file.Length)
        {
            var (data, end, problem) = GzipMemberReader.Read(file, offset);
            if (data is null)
            {
                if (!resyncing)
                {
                    yield return new WarcEntry(name, offset, null, problem);
                }

                resyncing = true;
                offset = GzipMemberReader.FindNextMember(file, offset + 1);
                continue;
            }

            resyncing = false;
            var (record, recordProblem) = Parse(data);
            yield return new WarcEntry(name, offset, record, recordProblem ?? (record is null ? null : Check(record)));
            offset = end;
        }
    }

    /// <summary>The record in a decompressed member, or what is wrong with its framing.</summary>
    internal static (WarcRecord? Record, string? Problem) Parse(byte[] data)
    {
        var headEnd = data.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return (null, "no end of the WARC header");
        }

        var lines = Encoding.UTF8.GetString(data, 0, headEnd).Split("\r\n");
        if (!lines[0].StartsWith("WARC/", StringComparison.Ordinal))
        {
            return (null, "no WARC version line");
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return (null, $"malformed header line '{line}'");
            }

            fields.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        var blockStart = headEnd + 4;
        var declared = fields.FirstOrDefault(f => f.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (!long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return (null, "no valid Content-Length");
        }

        if (data.Length - blockStart != length + 4 || !data.AsSpan((int)Math.Min(data.Length, blockStart + length)).SequenceEqual("\r\n\r\n"u8))
        {
            return (null, $"Content-Length {length} does not match the {data.Length - blockStart - 4} bytes of the block");
        }

        return (new WarcRecord(fields, data[blockStart..(int)(blockStart + length)]), null);
    }

    /// <summary>Null when both digests match the stored bytes; else which does not.</summary>
    internal static string? Check(WarcRecord record)
    {
        var isHttp = record["Content-Type"]?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true;
        if (record["WARC-Block-Digest"] is not { } block)
        {
            return "no WARC-Block-Digest";
        }

        if (block != WarcDigest.Sha256(record.Block))
        {
            return "WARC-Block-Digest does not match the block";
        }

        if (!isHttp)
        {
            return null;
        }

        var headEnd = record.Block.AsSpan().IndexOf("\r\n\r\n"u8);
        if (record["WARC-Payload-Digest"] is not { } payload || headEnd < 0)
        {
            return "no WARC-Payload-Digest or HTTP header";
        }

        return payload == WarcDigest.Sha256(record.Block.AsSpan(headEnd + 4)) ? null : "WARC-Payload-Digest does not match the payload";
    }
}
