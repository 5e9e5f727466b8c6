using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Archive;
using Monitor.Core.Http;
using Monitor.Core.Storage;
using Monitor.Core.Tests.Adapters.Feeds;
using Monitor.Core.Tests.Http;
using Monitor.Testing;

namespace Monitor.Core.Tests.Archive;

/// <summary>Polls through the real pipeline with the archive on, read back by <see cref="TestWarcReader"/>.</summary>
public sealed class CaptureArchiveTests
{
    private const string ConfiguredSecret = "tok-SECRET-abcdef123";
    private static readonly byte[] Feed = Fixtures.ReadBytes("Feeds/govuk-fcdo.atom");
    private static readonly Dictionary<string, string?> ArchiveOn = new()
    {
        ["Monitor:Archive:Enabled"] = "true",
        ["Monitor:Platforms:Rss:AccessToken"] = ConfiguredSecret,
    };

    [Fact]
    public async Task Poll_WritesWarcinfoRequestAndResponseWithEveryMandatoryField()
    {
        var gzipped = Gzip(Feed);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/atom+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = gzipped.Length;
            await context.Response.Body.WriteAsync(gzipped, context.RequestAborted);
        });
        await using var host = await FeedPollHost.StartAsync(ArchiveOn);
        var url = server.Url("/feed.atom");

        var poll = (await host.PollAsync(url)).Polls.Single();

        Assert.Equal(PollStatus.Ok, poll.Status);
        Assert.Equal(4, poll.NewPosts);
        var file = Assert.Single(ArchiveFolder.Files(host.ArchiveFolder));
        Assert.Matches(@"^monitor-\d{14}-[A-Za-z0-9_]+-\d+\.warc\.gz$", Path.GetFileName(file));
        var records = TestWarcReader.Read(file);
        Assert.Equal(["warcinfo", "request", "response"], records.Select(r => r["WARC-Type"]));
        foreach (var record in records)
        {
            Assert.Equal("WARC/1.1", record.Version);
            Assert.Matches(@"^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}>$", record["WARC-Record-ID"]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$", record["WARC-Date"]);
            Assert.Equal(TestWarcReader.Digest(record.Block), record["WARC-Block-Digest"]);
            Assert.Matches("^sha256:[A-Z2-7]{52}$", record["WARC-Block-Digest"]);
        }

        var info = records[0];
        Assert.Equal(Path.GetFileName(file), info["WARC-Filename"]);
        Assert.Equal("application/warc-fields", info["Content-Type"]);
        var infoText = Encoding.UTF8.GetString(info.Block);
        Assert.Contains("software: Monitor/", infoText);
        Assert.Contains("hostname: ", infoText);
        Assert.Contains("format: WARC File Format 1.1", infoText);

        var (request, response) = (records[1], records[2]);
        foreach (var (record, type) in new[] { (request, "request"), (response, "response") })
        {
            Assert.Equal(url, record["WARC-Target-URI"]);
            Assert.Equal($"application/http;msgtype={type}", record["Content-Type"]);
            Assert.Equal(TestWarcReader.Digest(record.Http().Body), record["WARC-Payload-Digest"]);
            Assert.Equal("feed-0", record["Monitor-Account-Id"]);
        }

        Assert.Equal(response["WARC-Record-ID"], request["WARC-Concurrent-To"]);
        Assert.Equal(request["WARC-Record-ID"], response["WARC-Concurrent-To"]);
        Assert.StartsWith("GET /feed.atom HTTP/1.1\r\nHost: 127.0.0.1:", request.Http().Head);
        Assert.Contains("Accept-Encoding: gzip", request.Http().Head);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response.Http().Head);
        Assert.Equal("gzip", response.HttpHeader("Content-Encoding"));
        Assert.Equal(gzipped, response.Http().Body);
        Assert.Equal(Feed, TestWarcReader.Decode(response.Http().Body, response.HttpHeader("Content-Encoding")));
        Assert.All(WarcFileReader.Read(file), entry => Assert.Null(entry.Problem));
    }

    [Fact]
    public async Task Archive_ConfiguredSecretsAuthorizationAndTokenParameters_AppearNowhere()
    {
        string[] secrets = [ConfiguredSecret, "qs-token-999", "qs-key-888"];
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Feed).Replace(
            "</feed>", $"<link rel=\"next\" href=\"https://example.org/feed?access_token={ConfiguredSecret}\"/></feed>", StringComparison.Ordinal));
        var brotli = Brotli(body);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/atom+xml";
            context.Response.Headers.ContentEncoding = "br";
            context.Response.Headers.Link = "<https://example.org/feed?key=qs-key-888>; rel=\"next\"";
            context.Response.Headers["X-Echo"] = ConfiguredSecret;
            context.Response.ContentLength = brotli.Length;
            await context.Response.Body.WriteAsync(brotli, context.RequestAborted);
        });
        await using var host = await FeedPollHost.StartAsync(ArchiveOn);
        var url = server.Url("/feed.atom?access_token=qs-token-999&key=qs-key-888&page=1");
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(AdapterRegistration.HttpClientName(Platforms.Rss));
        using var authorized = new HttpRequestMessage(HttpMethod.Get, url);
        authorized.Headers.Authorization = new("Bearer", ConfiguredSecret);

        var poll = (await host.PollAsync(url)).Polls.Single();
        using (var capture = host.Services.GetRequiredService<ICaptureArchive>().BeginPoll())
        using (FetchContext.Enter(new TrackedAccount("feed-0", Platforms.Rss, url, "GBR", ActorType.Embassy)))
        {
            using var response = await client.SendAsync(authorized, TestContext.Current.CancellationToken);
            Assert.Equal(body, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            await capture.FlushAsync(CancellationToken.None);
        }

        Assert.Equal(PollStatus.Ok, poll.Status); // the adapter read the body as it arrived, secrets and all
        var records = ArchiveFolder.Files(host.ArchiveFolder).SelectMany(TestWarcReader.Read).ToList();
        Assert.Equal(2, records.Count(r => r["WARC-Type"] == "response"));
        foreach (var record in records)
        {
            var searched = new List<byte[]> { Encoding.UTF8.GetBytes(string.Join("\n", record.Fields.Select(f => $"{f.Key}: {f.Value}"))), record.Block };
            if (record["WARC-Type"] == "response")
            {
                searched.Add(TestWarcReader.Decode(record.Http().Body, record.HttpHeader("Content-Encoding")));
                Assert.Equal(record.Http().Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), record.HttpHeader("Content-Length"));
                Assert.Contains("[redacted]", Encoding.UTF8.GetString(searched[^1]));
            }

            Assert.Equal(TestWarcReader.Digest(record.Block), record["WARC-Block-Digest"]);
            foreach (var secret in secrets)
            {
                Assert.All(searched, bytes => Assert.DoesNotContain(secret, Encoding.Latin1.GetString(bytes)));
            }
        }

        var requests = records.Where(r => r["WARC-Type"] == "request").ToList();
        Assert.All(requests, r => Assert.Contains("access_token=[redacted]&key=[redacted]&page=1", r["WARC-Target-URI"]));
        Assert.Equal("[redacted]", requests[1].HttpHeader("Authorization"));
        var notes = string.Join("\n", records.Where(r => r["WARC-Type"] == "metadata").Select(r => Encoding.UTF8.GetString(r.Block)));
        Assert.Contains("redacted: request header Authorization", notes);
        Assert.Contains("redacted: request URI query parameter access_token", notes);
        Assert.Contains("redacted: response body: 1 configured secret(s), re-encoded as br", notes);
    }

    [Fact]
    public async Task PollCapture_ExposesTheResponseRecordIdsAfterFlushing()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(Feed, context.RequestAborted).AsTask());
        await using var services = FeedTestHost.Build(extra: new Dictionary<string, string?>(ArchiveOn)
        {
            ["Monitor:Archive:Path"] = Path.Combine(Path.GetTempPath(), "monitor-capture-" + Guid.NewGuid().ToString("N")),
        });
        var archive = services.GetRequiredService<ICaptureArchive>();
        var folder = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value.ResolvedPath();
        try
        {
            using var capture = archive.BeginPoll();
            await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed.atom")), TestContext.Current.CancellationToken);
            await capture.FlushAsync(TestContext.Current.CancellationToken);

            var response = TestWarcReader.Read(Assert.Single(ArchiveFolder.Files(folder))).Single(r => r["WARC-Type"] == "response");
            Assert.Equal([response["WARC-Record-ID"]], capture.ResponseRecordIds);
            Assert.Equal(response["WARC-Record-ID"], capture.LastResponseRecordId);
        }
        finally
        {
            await services.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Poll_CaptureIsOnDiskBeforeThePollIsStored()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(Feed, context.RequestAborted).AsTask());
        ArchiveCheckingStore? store = null;
        await using var host = await FeedPollHost.StartAsync(ArchiveOn, services => services.AddSingleton<IPollResultStore>(provider =>
            store = new ArchiveCheckingStore(provider.GetRequiredService<Monitor.Core.Storage.Sqlite.SqliteStore>(), ArchiveFolderOf(provider))));

        var poll = (await host.PollAsync(server.Url("/feed.atom"))).Polls.Single();

        Assert.Equal(PollStatus.Ok, poll.Status);
        Assert.Equal([1], store!.ResponsesOnDiskAtWrite); // the file's 64 KiB write buffer would still hold it without the flush
    }

    [Fact]
    public async Task Poll_StoredVersionsNameAResponseRecordInTheArchive()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(Feed, context.RequestAborted).AsTask());
        await using var host = await FeedPollHost.StartAsync(ArchiveOn);

        await host.PollAsync(server.Url("/feed.atom"));

        var versions = await ReadVersionsAsync(host);
        Assert.Equal(4, versions.Count);
        var responses = ArchiveFolder.Files(host.ArchiveFolder).SelectMany(TestWarcReader.Read)
            .Where(record => record["WARC-Type"] == "response")
            .Select(record => record["WARC-Record-ID"])
            .ToList();
        Assert.All(versions, version => Assert.Contains(version.CaptureId, responses));
    }

    [Fact]
    public async Task Poll_ArchiveOff_StoresVersionsWithoutCaptureId()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(Feed, context.RequestAborted).AsTask());
        await using var host = await FeedPollHost.StartAsync();

        await host.PollAsync(server.Url("/feed.atom"));

        var versions = await ReadVersionsAsync(host);
        Assert.Equal(4, versions.Count);
        Assert.All(versions, version => Assert.Null(version.CaptureId));
    }

    [Fact]
    public async Task Poll_ArchiveOff_WritesNothing()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(Feed, context.RequestAborted).AsTask());
        await using var host = await FeedPollHost.StartAsync();

        var poll = (await host.PollAsync(server.Url("/feed.atom"))).Polls.Single();

        Assert.Equal(PollStatus.Ok, poll.Status);
        Assert.False(Directory.Exists(host.ArchiveFolder));
    }

    [Fact]
    public void Options_MaxFileBytesBelowOneMebibyte_FailsNamingTheKey()
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?> { ["Monitor:Archive:MaxFileBytes"] = "1000" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value);

        Assert.Contains("Monitor:Archive:MaxFileBytes", error.Message);
    }

    private static string ArchiveFolderOf(IServiceProvider provider) =>
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value.ResolvedPath();

    /// <summary>Counts the response records readable from the archive files at the moment a poll is written.</summary>
    private sealed class ArchiveCheckingStore(IPollResultStore inner, string folder) : IPollResultStore
    {
        public List<int> ResponsesOnDiskAtWrite { get; } = [];

        public Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
        {
            ResponsesOnDiskAtWrite.Add(ArchiveFolder.Files(folder).SelectMany(TestWarcReader.Read).Count(r => r["WARC-Type"] == "response"));
            return inner.RecordPollAsync(record, cancellationToken);
        }

        public Task<int> CountPostsSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken) =>
            inner.CountPostsSinceAsync(accountId, since, cancellationToken);

        public Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken) =>
            inner.GetRecentPostsAsync(accountId, limit, cancellationToken);
    }

    private static async Task<List<Monitor.Core.Posts.PostVersion>> ReadVersionsAsync(FeedPollHost host)
    {
        var versions = new List<Monitor.Core.Posts.PostVersion>();
        await foreach (var version in host.Services.GetRequiredService<IRecordReader>().ReadVersionsAsync(new RecordFilter(), CancellationToken.None))
        {
            versions.Add(version);
        }

        return versions;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    private static byte[] Brotli(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal))
        {
            brotli.Write(bytes);
        }

        return buffer.ToArray();
    }
}
