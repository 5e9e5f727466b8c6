using System.Text;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Archive;

namespace Monitor.Core.Tests.Archive;

public sealed class WarcFileWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monitor-warc-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 23, 58, 0, TimeSpan.Zero));

    [Fact]
    public async Task AppendAsync_RotatesBeforeAFileWouldExceedItsSize()
    {
        const long maxBytes = 8 * 1024;
        await using (var writer = new WarcFileWriter(folder, maxBytes, "w1", time))
        {
            for (var i = 0; i < 20; i++)
            {
                await writer.AppendAsync([Record(i, 1500), Record(i, 1500)], CancellationToken.None);
            }
        }

        var files = ArchiveFolder.Files(folder);
        Assert.True(files.Count >= 3, $"{files.Count} files");
        Assert.All(files, file => Assert.InRange(new FileInfo(file).Length, 1, maxBytes));
        Assert.Equal(files.Count, files.Select(f => Path.GetFileName(f)).Distinct().Count());
        var records = files.Select(TestWarcReader.Read).ToList();
        Assert.All(records, file => Assert.Equal("warcinfo", file[0]["WARC-Type"]));
        Assert.Equal(40, records.Sum(file => file.Count - 1));
        Assert.All(records, file => Assert.True((file.Count - 1) % 2 == 0, "an exchange's records stay in one file"));
    }

    [Fact]
    public async Task AppendAsync_NewUtcDay_StartsANewFile()
    {
        await using (var writer = new WarcFileWriter(folder, 1024 * 1024, "w1", time))
        {
            await writer.AppendAsync([Record(1, 100)], CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(1));
            await writer.AppendAsync([Record(2, 100)], CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(2)); // 00:01 on 2 December
            await writer.AppendAsync([Record(3, 100)], CancellationToken.None);
        }

        Assert.Equal(["monitor-20261201235800-w1-0.warc.gz", "monitor-20261202000100-w1-1.warc.gz"],
            ArchiveFolder.Files(folder).Select(f => Path.GetFileName(f)));
        Assert.Equal([3, 2], ArchiveFolder.Files(folder).Select(f => TestWarcReader.Read(f).Count));
    }

    private static WarcRecord Record(int number, int size)
    {
        // Random letters barely compress, so the files fill up.
        var random = new Random(number);
        var block = Encoding.ASCII.GetBytes($"record {number} " + new string(Enumerable.Range(0, size).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray()));
        return new WarcRecord(
            [new("WARC-Type", "resource"), new("WARC-Record-ID", WarcRecord.NewId()), new("WARC-Date", "2026-12-01T00:00:00Z"),
             new("WARC-Block-Digest", WarcDigest.Sha256(block))],
            block);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
