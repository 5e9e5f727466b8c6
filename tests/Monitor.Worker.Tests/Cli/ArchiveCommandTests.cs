using System.IO.Compression;
using System.Text;
using Monitor.Core.Archive;

namespace Monitor.Worker.Tests.Cli;

/// <summary><c>archive verify</c> and <c>archive list</c> on files the archive writer produced.</summary>
public sealed class ArchiveCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monitor-archive-cli-").FullName;

    [Fact]
    public async Task Verify_IntactArchive_CountsEveryRecordAndExitsZero()
    {
        await WriteAsync(exchanges: 3);

        var result = await CliRunner.RunAsync(["archive", "verify", "--path", folder]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("7 records, 0 bad", result.Output.Trim()); // warcinfo + 3 × (request, response)
    }

    [Fact]
    public async Task Verify_FlippedByte_ReportsThatRecordsFileAndOffsetAndExitsTwo()
    {
        var file = await WriteAsync(exchanges: 3);
        var offsets = MemberOffsets(file);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        var damaged = offsets[3];
        bytes[(damaged + offsets[4]) / 2] ^= 0x20;
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["archive", "verify", "--path", folder]);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("7 records, 1 bad", lines[^1]);
        Assert.StartsWith($"{Path.GetFileName(file)} @{damaged}: ", Assert.Single(lines[..^1]));
    }

    [Fact]
    public async Task Verify_RecordChangedAndRecompressed_FailsItsDigest()
    {
        var file = await WriteAsync(exchanges: 2);
        var offsets = MemberOffsets(file);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        var member = bytes[(int)offsets[2]..(int)offsets[3]];
        var record = Encoding.Latin1.GetString(Gunzip(member)).Replace("payload 0", "payload 9", StringComparison.Ordinal);
        var tampered = bytes[..(int)offsets[2]].Concat(Gzip(Encoding.Latin1.GetBytes(record))).Concat(bytes[(int)offsets[3]..]).ToArray();
        await File.WriteAllBytesAsync(file, tampered, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["archive", "verify", "--path", folder]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"@{offsets[2]}: WARC-Block-Digest does not match the block", result.Output);
        Assert.EndsWith("5 records, 1 bad", result.Output.Trim());
    }

    [Fact]
    public async Task List_Account_ShowsThatAccountsRecords()
    {
        var file = await WriteAsync(exchanges: 2);

        var result = await CliRunner.RunAsync(["archive", "list", "--path", folder, "--account", "acct-1"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Path.GetFileName(file), result.Output);
        Assert.Contains("https://example.org/1", result.Output);
        Assert.DoesNotContain("https://example.org/0", result.Output);
        Assert.Contains("2 records of acct-1.", result.Output);
    }

    [Fact]
    public async Task Verify_MissingFolder_IsOneErrorLineAndExitOne()
    {
        var result = await CliRunner.RunAsync(["archive", "verify", "--path", Path.Combine(folder, "nope")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
    }

    private async Task<string> WriteAsync(int exchanges)
    {
        await using var writer = new WarcFileWriter(folder, 1024 * 1024, "test", TimeProvider.System);
        string? file = null;
        for (var i = 0; i < exchanges; i++)
        {
            file = await writer.AppendAsync(Exchange(i), CancellationToken.None);
        }

        return file!;
    }

    /// <summary>A request/response pair of account <c>acct-&lt;i&gt;</c>, with correct digests.</summary>
    private static WarcRecord[] Exchange(int i)
    {
        var request = Encoding.ASCII.GetBytes($"GET /{i} HTTP/1.1\r\nHost: example.org\r\n\r\n");
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\npayload {i} " + new string('x', 2000));
        var (requestId, responseId) = (WarcRecord.NewId(), WarcRecord.NewId());
        return [Http("request", requestId, responseId, i, request), Http("response", responseId, requestId, i, response)];
    }

    private static WarcRecord Http(string type, string id, string other, int i, byte[] block)
    {
        var bodyAt = block.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        return new WarcRecord(
            [
                new("WARC-Type", type), new("WARC-Record-ID", id), new("WARC-Date", "2026-12-01T12:00:00.000000Z"),
                new("WARC-Target-URI", $"https://example.org/{i}"), new("WARC-Concurrent-To", other),
                new(HttpExchangeRecords.AccountField, $"acct-{i}"), new("Content-Type", $"application/http;msgtype={type}"),
                new("WARC-Block-Digest", WarcDigest.Sha256(block)), new("WARC-Payload-Digest", WarcDigest.Sha256(block.AsSpan(bodyAt))),
            ],
            block);
    }

    /// <summary>
    /// Where each gzip member starts (and the file's end): System.IO.Compression writes every member's header as
    /// 1f 8b 08 00 and a zero modification time, eight bytes that do not occur inside these small deflate streams.
    /// </summary>
    private static long[] MemberOffsets(string file)
    {
        var bytes = File.ReadAllBytes(file);
        byte[] header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0];
        var offsets = new List<long>();
        for (var at = 0; at >= 0 && at < bytes.Length; at = bytes.AsSpan(at + 1).IndexOf(header) is var next and >= 0 ? at + 1 + next : -1)
        {
            offsets.Add(at);
        }

        Assert.Equal(0, offsets[0]);
        return [.. offsets, bytes.Length];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
