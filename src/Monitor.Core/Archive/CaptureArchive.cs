using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Polling;

namespace Monitor.Core.Archive;

/// <summary>The process's capture archive: one <see cref="WarcFileWriter"/>, opened on the first record.</summary>
internal sealed class CaptureArchive : ICaptureArchive, IAsyncDisposable, IDisposable
{
    private readonly WarcFileWriter? writer;
    private readonly HttpExchangeRecords records;
    private readonly TimeProvider time;

    public CaptureArchive(IOptions<ArchiveOptions> options, HttpExchangeRecords records, WorkerIdentity worker, TimeProvider time)
    {
        this.records = records;
        this.time = time;
        var settings = options.Value;
        if (settings.Enabled)
        {
            writer = new WarcFileWriter(settings.ResolvedPath(), settings.MaxFileBytes, FileNamePart(worker.Owner), time);
        }
    }

    public bool Enabled => writer is not null;

    public PollCapture BeginPoll() => new(writer is null ? _ => Task.CompletedTask : writer.FlushAsync);

    /// <summary>Appends one exchange; the response record's id joins the open poll capture.</summary>
    public async Task AppendAsync(HttpRequestMessage request, HttpResponseMessage response, byte[] body, bool truncated, TrackedAccount? account, CancellationToken cancellationToken)
    {
        if (writer is null)
        {
            return;
        }

        var exchange = records.Build(request, response, body, truncated, account, time.GetUtcNow());
        await writer.AppendAsync(exchange, cancellationToken);
        PollCapture.Current?.Add(exchange[1].Id);
    }

    public ValueTask DisposeAsync() => writer?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>For containers disposed synchronously: closes the open file the same way.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static string FileNamePart(string owner) =>
        new(owner.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
