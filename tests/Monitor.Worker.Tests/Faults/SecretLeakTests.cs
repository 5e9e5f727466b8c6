using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Testing;
using Monitor.Worker.Tests.Cli;

namespace Monitor.Worker.Tests.Faults;

/// <summary>
/// Tokens, API keys and connection-string passwords never reach logs (any level, message, state or exception),
/// snapshots' error fields, command output or exports — even when the platforms echo the request back in errors.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    private const string XToken = "xBearerAAAA1111secret";
    private const string FacebookToken = "EAABfbSecret2222token";
    private const string YouTubeKey = "AIzaYtSecret3333key";
    private const string MastodonToken = "mastoSecret4444token";
    private const string MongoPassword = "MongoS3cretPw5555";

    private static readonly string[] Secrets = [XToken, FacebookToken, YouTubeKey, MastodonToken, MongoPassword];

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-secrets-").FullName;
    private readonly FakeLogCollector logs = FakeLogCollector.Create(new FakeLogCollectorOptions());
    private readonly StringBuilder seen = new();
    private LoopbackServer server = null!;
    private int mode;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(EchoAsync);
        await File.WriteAllLinesAsync(Path.Combine(directory, "accounts.csv"),
        [
            "id,platform,handle,country,actor,name,language,enabled",
            "gbr-x,x,@MFA_Example,GBR,ForeignMinistry,X account,en,true",
            "gbr-fb,facebook,MFAExample,GBR,ForeignMinistry,Facebook page,en,true",
            "gbr-yt,youtube,@MFAExample,GBR,ForeignMinistry,YouTube channel,en,true",
            "fra-masto,mastodon,@France_Diplo@social.example,FRA,ForeignMinistry,Mastodon account,fr,true",
        ]);
    }

    /// <summary>Answers every request with an error that repeats its Authorization header and full URL (query included).</summary>
    private async Task EchoAsync(HttpContext context)
    {
        var echo = $"you sent Authorization={context.Request.Headers.Authorization} to {context.Request.Path}{context.Request.QueryString}";
        context.Response.Headers["X-Echo"] = echo.Replace('\n', ' ');
        var quoted = System.Text.Json.JsonEncodedText.Encode(echo).ToString();
        var mastodon = context.Request.Path.StartsWithSegments("/api/v1");
        (context.Response.StatusCode, var body) = Volatile.Read(ref mode) switch
        {
            0 => (500, echo),
            1 => (401, mastodon ? $"{{\"error\":\"{quoted}\"}}" : ErrorJson(quoted, 190)),
            2 => (400, mastodon ? $"{{\"error\":\"{quoted}\"}}" : ErrorJson(quoted, 100)),
            _ => (200, $"{{\"data\":[{{\"id\":\"{quoted}\",\"message\":\"{quoted}\""),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    // The error shapes of Graph API (error.message), X (title/detail/errors[]) and the YouTube Data API (error.errors[]).
    private static string ErrorJson(string quoted, int code) =>
        $"{{\"error\":{{\"message\":\"{quoted}\",\"type\":\"OAuthException\",\"code\":{code},\"errors\":[{{\"reason\":\"{quoted}\",\"message\":\"{quoted}\"}}]}},"
        + $"\"title\":\"{quoted}\",\"detail\":\"{quoted}\",\"errors\":[{{\"title\":\"{quoted}\",\"detail\":\"{quoted}\",\"message\":\"{quoted}\"}}]}}";

    [Fact]
    public async Task IngestAndExport_PlatformsEchoingCredentials_NoSecretInLogsSnapshotsOrExports()
    {
        for (var m = 0; m < 4; m++)
        {
            Volatile.Write(ref mode, m);
            var ingest = await RunAsync("ingest", "--once");
            Assert.True(ingest.ExitCode == 2, $"every account fails in mode {m}: {ingest.ExitCode}\n{ingest.Output}\n{ingest.Error}");
        }

        await RunAsync("export", "snapshots", "--format", "jsonl");
        await RunAsync("export", "snapshots", "--format", "csv");
        await RunAsync("export", "posts", "--format", "jsonl");
        var mongo = await RunAsync("ingest", "--once", "--Monitor:Storage:Provider=Mongo");
        Assert.Equal(1, mongo.ExitCode);

        // The secrets did travel: the server saw each of them, so their absence below means they were redacted.
        var requests = string.Join("\n", server.Requests.Select(r => r.Query + " " + r.Header("Authorization")));
        Assert.All(Secrets.Take(4), secret => Assert.Contains(secret, requests, StringComparison.Ordinal));
        Assert.Contains("\"status\":\"unauthorized\"", seen.ToString(), StringComparison.Ordinal);
        var records = logs.GetSnapshot();
        Assert.True(records.Count > 50, $"logs were captured at Trace ({records.Count})");
        foreach (var record in records)
        {
            seen.AppendLine(record.Message).AppendLine(record.Exception?.ToString());
            foreach (var (key, value) in record.StructuredState ?? [])
            {
                seen.Append(key).Append('=').AppendLine(value);
            }
        }

        var text = seen.ToString();
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    private async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(
        [
            .. args,
            $"--Monitor:AccountsFile={Path.Combine(directory, "accounts.csv")}",
            $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "monitor.db")}",
            $"--Monitor:Storage:Mongo:ConnectionString=mongodb://monitor:{MongoPassword}@127.0.0.1:1/?authSource=admin",
            "--Monitor:Storage:Mongo:ServerSelectionTimeout=00:00:00.500",
            "--Monitor:Http:Resilience:RetryBaseDelay=00:00:00.010",
            "--Monitor:Http:Resilience:RetryMaxDelay=00:00:00.020",
            $"--Monitor:Platforms:X:BaseUrl={server.BaseUrl}",
            $"--Monitor:Platforms:X:BearerToken={XToken}",
            $"--Monitor:Platforms:Facebook:BaseUrl={server.Url("v23.0")}",
            $"--Monitor:Platforms:Facebook:AccessToken={FacebookToken}",
            $"--Monitor:Platforms:YouTube:BaseUrl={server.BaseUrl}",
            $"--Monitor:Platforms:YouTube:ApiBaseUrl={server.Url("youtube/v3")}",
            $"--Monitor:Platforms:YouTube:ApiKey={YouTubeKey}",
            $"--Monitor:Platforms:Mastodon:BaseUrl={server.BaseUrl}",
            $"--Monitor:Platforms:Mastodon:AccessToken={MastodonToken}",
            "--Logging:LogLevel:Default=Trace",
            "--Logging:LogLevel:Microsoft=Trace",
            "--Logging:LogLevel:System.Net.Http.HttpClient=Trace",
        ], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        });
        seen.AppendLine(result.Output).AppendLine(result.Error);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
