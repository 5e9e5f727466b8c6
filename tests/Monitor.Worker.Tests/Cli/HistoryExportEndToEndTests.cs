using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary>
/// <c>export versions</c> and <c>export deletions</c> through the real command line over a SQLite store seeded
/// through the store ports: post 1 is edited, deleted and restored; post 2 is deleted and stays deleted.
/// </summary>
public sealed class HistoryExportEndToEndTests : IAsyncLifetime
{
    private const string Capture = "<urn:uuid:00000000-0000-4000-8000-0000000000aa>";
    private static readonly DateTimeOffset T = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-history-").FullName;

    private string Database => Path.Combine(directory, "monitor.db");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = MonitorTestServices.Build(new Dictionary<string, string?> { ["Monitor:Storage:Sqlite:Path"] = Database });
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(ct);
        var accounts = services.GetRequiredService<IAccountStore>();
        await accounts.SyncAccountsAsync([new TrackedAccount("fra", Platforms.Rss, "http://127.0.0.1:1/fra.xml", "FRA", ActorType.Embassy)], T, ct);
        var one = new Post
        {
            PostId = "1", Url = "http://127.0.0.1:1/1", PublishedAt = T.AddDays(-1), Title = "Statement", Text = "First",
            Media = ["http://127.0.0.1:1/1.jpg", "http://127.0.0.1:1/1.mp4"],
        };
        var two = new Post { PostId = "2", Url = "http://127.0.0.1:1/2", PublishedAt = T.AddHours(-2), Text = "=cmd|' /C calc'!A0" };
        async Task RecordAsync(int hour, FetchResult result, string? capture = null)
        {
            var lease = Assert.Single(await accounts.ClaimDueAsync(new ClaimRequest("seed", T.AddHours(hour), TimeSpan.FromMinutes(5), 1, IgnoreSchedule: true), ct));
            await services.GetRequiredService<IPollResultStore>().RecordPollAsync(
                new PollRecord(lease, T.AddHours(hour), result, TimeSpan.FromMilliseconds(50), T.AddDays(1), 0, CaptureId: capture), ct);
        }

        await RecordAsync(0, new FetchResult { Status = PollStatus.Ok, Posts = [one, two] }, Capture);
        await RecordAsync(1, new FetchResult { Status = PollStatus.Ok, Posts = [one with { Text = "Second" }, two] });
        await RecordAsync(2, new FetchResult { Status = PollStatus.Ok, Posts = [two], Deletions = [new PostDeletion("1", DeletionEvidence.NotFound)] });
        await RecordAsync(3, new FetchResult { Status = PollStatus.Ok, Posts = [one with { Text = "Second" }], Deletions = [new PostDeletion("2", DeletionEvidence.Tombstone)] });
        await RecordAsync(4, new FetchResult { Status = PollStatus.Ok, Posts = [one with { Text = "Second" }] });
    }

    [Fact]
    public async Task ExportVersions_JsonLines_ListsEveryVersionWithItsReasonAndCapture()
    {
        var file = Path.Combine(directory, "versions.jsonl");

        var result = await RunAsync("export", "versions", "--account", "fra", "--output", file);

        Assert.Equal(0, result.ExitCode);
        var rows = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            ["1:1:created", "2:1:created", "1:2:edited", "1:3:deleted", "1:4:restored", "2:2:deleted"],
            rows.Select(r => $"{r.GetProperty("postId")}:{r.GetProperty("version")}:{r.GetProperty("reason")}"));
        Assert.Equal(
            ["platform", "accountId", "postId", "version", "reason", "capturedAt", "contentHash", "title", "text", "url", "media", "captureId"],
            rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Capture, rows[0].GetProperty("captureId").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("captureId").ValueKind);
        Assert.Equal("2026-11-02T11:00:00.000Z", rows[2].GetProperty("capturedAt").GetString());
        Assert.Equal("Second", rows[2].GetProperty("text").GetString());
        Assert.Equal(["http://127.0.0.1:1/1.jpg", "http://127.0.0.1:1/1.mp4"], rows[0].GetProperty("media").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, rows[1].GetProperty("media").GetArrayLength());
        Assert.StartsWith("sha256:", rows[0].GetProperty("contentHash").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVersions_CsvWindow_KeepsTheHeaderEscapesFormulasAndFiltersByCapturedAt()
    {
        var result = await RunAsync("export", "versions", "--format", "csv", "--from", "2026-11-02T11:00:00Z", "--to", "2026-11-02T13:00:00Z");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("platform,accountId,postId,version,reason,capturedAt,contentHash,title,text,url,media,captureId", lines[0]);
        Assert.Equal(["edited", "deleted"], lines.Skip(1).Select(l => l.Split(',')[4]));
        // media is one cell holding a JSON array (quoted by RFC 4180, as it holds quotes and a comma), as in export posts.
        Assert.EndsWith(",Second,http://127.0.0.1:1/1,\"[\"\"http://127.0.0.1:1/1.jpg\"\",\"\"http://127.0.0.1:1/1.mp4\"\"]\",", lines[1], StringComparison.Ordinal);

        var all = await RunAsync("export", "versions", "--format", "csv");
        Assert.Contains("'=cmd|", all.Output, StringComparison.Ordinal);
        Assert.Contains(",[],", all.Output, StringComparison.Ordinal); // a version without media
    }

    [Fact]
    public async Task ExportDeletions_OneRowPerEpisodeWithLifetimeAndRestore()
    {
        var result = await RunAsync("export", "deletions");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Output.Trim().Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            ["platform", "accountId", "postId", "url", "publishedAt", "deletedAt", "evidence", "lifetimeSeconds", "restoredAt", "lastTitle", "lastText"],
            rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [
                ("1", "2026-11-01T10:00:00.000Z", "2026-11-02T12:00:00.000Z", "notFound", 26L * 3600, (string?)"2026-11-02T13:00:00.000Z", "Second"),
                ("2", "2026-11-02T08:00:00.000Z", "2026-11-02T13:00:00.000Z", "tombstone", 5L * 3600, null, "=cmd|' /C calc'!A0"),
            ],
            rows.Select(r => (r.GetProperty("postId").GetString()!, r.GetProperty("publishedAt").GetString()!, r.GetProperty("deletedAt").GetString()!,
                r.GetProperty("evidence").GetString()!, r.GetProperty("lifetimeSeconds").GetInt64(), r.GetProperty("restoredAt").GetString(),
                r.GetProperty("lastText").GetString()!)));
        Assert.Equal("Statement", rows[0].GetProperty("lastTitle").GetString());
    }

    [Fact]
    public async Task ExportDeletions_WindowIsOnDeletedAtAndARestoreAfterItStillCloses()
    {
        var early = await RunAsync("export", "deletions", "--format", "csv", "--to", "2026-11-02T12:30:00Z");
        var late = await RunAsync("export", "deletions", "--format", "csv", "--from", "2026-11-02T12:30:00Z");
        var unknown = await RunAsync("export", "deletions", "--account", "nobody");

        var earlyLines = early.Output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("platform,accountId,postId,url,publishedAt,deletedAt,evidence,lifetimeSeconds,restoredAt,lastTitle,lastText", earlyLines[0]);
        Assert.Equal(
            "rss,fra,1,http://127.0.0.1:1/1,2026-11-01T10:00:00.000Z,2026-11-02T12:00:00.000Z,notFound,93600,2026-11-02T13:00:00.000Z,Statement,Second",
            Assert.Single(earlyLines.Skip(1)));
        var lateRow = Assert.Single(late.Output.Trim().Split('\n').Skip(1));
        Assert.StartsWith("rss,fra,2,", lateRow, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(
    [
        .. args,
        $"--Monitor:Storage:Sqlite:Path={Database}",
    ]);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
