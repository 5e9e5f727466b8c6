using System.Globalization;
using System.Reflection;
using System.Text;

namespace Monitor.Core.Archive;

/// <summary>
/// The process's one writer of <c>monitor-&lt;yyyyMMddHHmmss&gt;-&lt;worker&gt;-&lt;seq&gt;.warc.gz</c> files: appends
/// records as gzip members, opens each file with a <c>warcinfo</c> record, and starts a new file at the UTC day's
/// change or before one would exceed <see cref="ArchiveOptions.MaxFileBytes"/>.
/// </summary>
internal sealed class WarcFileWriter(string folder, long maxFileBytes, string worker, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private FileStream? file;
    private DateOnly fileDay;
    private long syncedLength;
    private int sequence;

    /// <summary>The file being written, or null before the first record.</summary>
    public string? CurrentFile => file?.Name;

    /// <summary>Appends the records, kept together in one file. Returns the file they went to.</summary>
    public async Task<string> AppendAsync(IReadOnlyList<WarcRecord> records, CancellationToken cancellationToken)
    {
        var members = records.Select(record => record.SerializeGzipMember()).ToArray();
        var size = members.Sum(member => (long)member.Length);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (file is null || DateOnly.FromDateTime(now.UtcDateTime) != fileDay || (file.Position + size > maxFileBytes && file.Position > 0))
            {
                await OpenNextAsync(now);
            }

            foreach (var member in members)
            {
                await file!.WriteAsync(member, CancellationToken.None);
            }

            return file!.Name;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Writes buffered records through to the disk (fsync), so a poll stored after this has its capture. Polls that
    /// wait here while another one syncs find their records already synced: one fsync serves them all.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (file is not null && file.Position > syncedLength)
            {
                file.Flush(flushToDisk: true);
                syncedLength = file.Position;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task OpenNextAsync(DateTimeOffset now)
    {
        await CloseAsync();
        Directory.CreateDirectory(folder);
        var stamp = now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        while (true)
        {
            var name = $"monitor-{stamp}-{worker}-{sequence++}.warc.gz";
            try
            {
                file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
                break;
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, name)))
            {
                // Another process of the same worker name wrote this second: take the next number.
            }
        }

        fileDay = DateOnly.FromDateTime(now.UtcDateTime);
        syncedLength = 0;
        await file.WriteAsync(WarcInfo(Path.GetFileName(file.Name), now).SerializeGzipMember());
    }

    private async Task CloseAsync()
    {
        if (file is not null)
        {
            await file.FlushAsync();
            file.Flush(flushToDisk: true);
            await file.DisposeAsync();
            file = null;
        }
    }

    private static WarcRecord WarcInfo(string fileName, DateTimeOffset now)
    {
        var version = typeof(WarcFileWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var block = Encoding.UTF8.GetBytes(
            $"software: Monitor/{version.Split('+')[0]}\r\n"
            + $"hostname: {Environment.MachineName}\r\n"
            + "format: WARC File Format 1.1\r\n"
            + "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        return new WarcRecord(
            [
                new("WARC-Type", "warcinfo"),
                new("WARC-Record-ID", WarcRecord.NewId()),
                new("WARC-Date", WarcRecord.FormatDate(now)),
                new("WARC-Filename", fileName),
                new("Content-Type", "application/warc-fields"),
                new("WARC-Block-Digest", WarcDigest.Sha256(block)),
            ],
            block);
    }
}
