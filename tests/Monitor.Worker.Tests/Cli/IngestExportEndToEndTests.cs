using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary>
/// The CLI end to end against feeds served on 127.0.0.1: ingest twice (conditional GET, an edit, a malformed feed),
/// then export posts and snapshots as JSON Lines and CSV.
/// </summary>
public sealed class IngestExportEndToEndTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-e2e-").FullName;
    private LoopbackServer server = null!;
    private bool edited;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(ServeAsync);
        await File.WriteAllLinesAsync(Path.Combine(directory, "accounts.csv"),
        [
            "id,platform,handle,country,actor,name,language,enabled",
            $"gbr-rss,rss,{server.Url("/rss.xml")},GBR,ForeignMinistry,RSS ministry,en,true",
            $"fra-atom,rss,{server.Url("/news.atom")},FRA,Embassy,Atom embassy,fr,true",
            $"deu-bad,rss,{server.Url("/broken.xml")},DEU,Mission,Broken feed,de,true",
        ]);
    }

    private async Task ServeAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/rss.xml":
                if (context.Request.Headers.IfNoneMatch == "\"rss-v1\"")
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }

                context.Response.Headers.ETag = "\"rss-v1\"";
                context.Response.ContentType = "application/rss+xml";
                await context.Response.WriteAsync(RssFeed);
                break;
            case "/news.atom":
                context.Response.ContentType = "application/atom+xml";
                await context.Response.WriteAsync(AtomFeed(edited));
                break;
            default:
                context.Response.ContentType = "application/rss+xml";
                await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Broken</title><item><title>Unclosed");
                break;
        }
    }

    [Fact]
    public async Task IngestTwiceThenExport_StoresEachPostOnceTracksTheEditAndIsolatesTheBrokenFeed()
    {
        var first = await RunAsync("ingest", "--once");
        edited = true;
        var second = await RunAsync("ingest", "--once");
        var postsFile = Path.Combine(directory, "posts.jsonl");
        var export = await RunAsync("export", "posts", "--format", "jsonl", "--output", postsFile);
        var snapshots = await RunAsync("export", "snapshots", "--format", "csv");

        Assert.Equal(2, first.ExitCode);
        Assert.Contains("3 accounts polled, 1 failed, 5 new posts", first.Output, StringComparison.Ordinal);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("3 accounts polled, 1 failed, 0 new posts", second.Output, StringComparison.Ordinal);
        Assert.Contains("notModified", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);

        var posts = (await File.ReadAllLinesAsync(postsFile, TestContext.Current.CancellationToken))
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(5, posts.Count);
        Assert.Equal(5, posts.Select(p => $"{p.GetProperty("accountId")}/{p.GetProperty("postId")}").Distinct().Count());
        var editedPost = posts.Single(p => p.GetProperty("postId").GetString() == "urn:fra:2");
        Assert.Equal(JsonValueKind.String, editedPost.GetProperty("editedAt").ValueKind);
        Assert.Equal("Updated: the ambassador met the minister.", editedPost.GetProperty("text").GetString());
        Assert.All(posts.Where(p => p.GetProperty("postId").GetString() != "urn:fra:2"),
            p => Assert.Equal(JsonValueKind.Null, p.GetProperty("editedAt").ValueKind));
        var rssPost = posts.Single(p => p.GetProperty("postId").GetString() == "https://example.org/rss/1");
        Assert.Equal("gbr-rss", rssPost.GetProperty("accountId").GetString());
        Assert.Equal("rss", rssPost.GetProperty("platform").GetString());
        Assert.Equal("post", rssPost.GetProperty("kind").GetString());
        Assert.Equal("2026-11-02T09:30:00.000Z", rssPost.GetProperty("publishedAt").GetString());
        Assert.Equal("Statement on the summit", rssPost.GetProperty("title").GetString());
        Assert.Equal("The minister welcomed the outcome & thanked hosts.", rssPost.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, rssPost.GetProperty("metrics").ValueKind);

        var snapshotLines = snapshots.Output.Trim().Split('\n');
        Assert.StartsWith("accountId,platform,capturedAt,status,httpStatus,newPosts,seenPosts", snapshotLines[0], StringComparison.Ordinal);
        Assert.Equal(7, snapshotLines.Length);
        Assert.Equal(2, snapshotLines.Count(l => l.StartsWith("deu-bad,rss,", StringComparison.Ordinal) && l.Contains(",error,", StringComparison.Ordinal)));
        Assert.Single(snapshotLines, l => l.StartsWith("gbr-rss,rss,", StringComparison.Ordinal) && l.Contains(",notModified,304,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestThenExportCsv_CarriesTheStoredMediaHashtagsAndLinksInQuotedCells()
    {
        await RunAsync("ingest", "--once", "--account", "gbr-rss");

        var export = await RunAsync("export", "posts", "--format", "csv", "--account", "gbr-rss");

        Assert.Equal(0, export.ExitCode);
        using var csv = new CsvHelper.CsvReader(new StringReader(export.Output), System.Globalization.CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["postId"]);
        var advice = rows["https://example.org/rss/2"];
        Assert.Equal("Advice updated, see \"#Travel\" https://Example.org/advice?utm_source=feed&id=2", advice["text"]);
        Assert.Equal("""["https://example.org/media/map,1.jpg"]""", advice["media"]);
        Assert.Equal("""["travel"]""", advice["hashtags"]);
        Assert.Equal("""["https://example.org/advice?id=2"]""", advice["links"]);
        Assert.Equal("[]", advice["mentions"]);
        Assert.Equal("[]", rows["https://example.org/rss/1"]["media"]);
    }

    [Fact]
    public async Task IngestOneAccount_PollsOnlyThatAccount()
    {
        var result = await RunAsync("ingest", "--once", "--account", "fra-atom");
        var unknown = await RunAsync("ingest", "--once", "--account", "nobody");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 account polled, 0 failed, 2 new posts", result.Output, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("/rss.xml"));
        Assert.Equal(3, unknown.ExitCode);
    }

    [Fact]
    public async Task IngestThenReport_ActivityAndPresenceReflectTheStoredPosts()
    {
        await RunAsync("ingest", "--once");

        var activity = await RunAsync("report", "activity", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "json");
        var presence = await RunAsync("report", "presence", "--format", "csv");
        var badWindow = await RunAsync("report", "activity", "--from", "2026-11-05", "--to", "2026-11-01");

        Assert.Equal(0, activity.ExitCode);
        var rows = JsonDocument.Parse(activity.Output).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("accountId").GetString()!, r => r);
        Assert.Equal(3, rows["gbr-rss"].GetProperty("posts").GetInt32());
        Assert.Equal(3, rows["gbr-rss"].GetProperty("activeDays").GetInt32());
        Assert.Equal(1.0, rows["gbr-rss"].GetProperty("postsPerDay").GetDouble());
        Assert.Equal(2, rows["fra-atom"].GetProperty("posts").GetInt32());
        Assert.Equal(0, rows["deu-bad"].GetProperty("posts").GetInt32());
        Assert.Equal("inactive", rows["deu-bad"].GetProperty("status").GetString());
        Assert.Contains("GBR,rss,1,ForeignMinistry", presence.Output, StringComparison.Ordinal);
        Assert.Equal(1, badWindow.ExitCode);
        Assert.Contains("--from 2026-11-05 is after --to 2026-11-01", badWindow.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestThenStudy_HtmlFileMarkdownAndJsonAgree()
    {
        await RunAsync("ingest", "--once");
        var file = Path.Combine(directory, "study.html");

        var html = await RunAsync("report", "study", "--from", "2026-10-31", "--to", "2026-11-02", "--output", file);
        var json = await RunAsync("report", "study", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "json");
        var markdown = await RunAsync("report", "study", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "markdown");
        var csv = await RunAsync("report", "study", "--format", "csv");
        var htmlForPresence = await RunAsync("report", "presence", "--format", "html");

        Assert.Equal((0, 0, 0), (html.ExitCode, json.ExitCode, markdown.ExitCode));
        Assert.Contains("Wrote the study for 2026-10-31..2026-11-02", html.Error, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var study = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(5, study.GetProperty("methods").GetProperty("posts").GetInt32());
        Assert.Equal("gbr-rss", study.GetProperty("mostActive").GetProperty("overall")[0].GetProperty("accountId").GetString());
        Assert.Contains("## Most active", markdown.Output, StringComparison.Ordinal);
        Assert.Equal((1, 1), (csv.ExitCode, htmlForPresence.ExitCode));
        Assert.Contains("--format csv is not a study format", csv.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestThenPresence_MembershipInJsonAndActiveOnly()
    {
        await RunAsync("ingest", "--once");

        var listed = await RunAsync("report", "presence", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "json");
        var active = await RunAsync("report", "presence", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "json", "--active-only");

        var any = JsonDocument.Parse(listed.Output).RootElement.GetProperty("membership").GetProperty("anyPlatform");
        var activeAny = JsonDocument.Parse(active.Output).RootElement.GetProperty("membership").GetProperty("anyPlatform");
        Assert.Equal(193, any.GetProperty("members").GetInt32());
        Assert.Equal(3, any.GetProperty("listed").GetInt32()); // GBR, FRA, DEU are listed
        Assert.Equal(2, activeAny.GetProperty("listed").GetInt32()); // DEU's feed never worked, so it posted nothing
        Assert.Equal("deu-bad", any.GetProperty("unverified")[0].GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task IngestThenSearch_FindsNewestFirstWithSnippetsFiltersAndRejectsAMalformedQuery()
    {
        await RunAsync("ingest", "--once");
        edited = true;
        await RunAsync("ingest", "--once");

        var jsonl = await RunAsync("search", "MINISTER", "--format", "jsonl");
        var phrase = await RunAsync("search", "\"ambassador met\" -welcomed", "--country", "fra", "--format", "jsonl");
        var csv = await RunAsync("search", "minist*", "--account", "gbr-rss", "--format", "csv");
        var table = await RunAsync("search", "embassy OR reception");
        var malformed = await RunAsync("search", "\"unclosed phrase");

        Assert.Equal(0, jsonl.ExitCode);
        var hits = jsonl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["fra-atom", "gbr-rss"], hits.Select(h => h.GetProperty("accountId").GetString()));
        Assert.Equal("urn:fra:2", hits[0].GetProperty("postId").GetString());
        Assert.Equal("Meeting Updated: the ambassador met the minister.", hits[0].GetProperty("snippet").GetString());
        Assert.Equal("[[40,8]]", hits[0].GetProperty("highlights").GetRawText());
        Assert.Equal(JsonValueKind.String, hits[0].GetProperty("editedAt").ValueKind);
        Assert.Equal(["urn:fra:2"], phrase.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("postId").GetString()));
        Assert.Equal(0, csv.ExitCode);
        var rows = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("publishedAt,platform,accountId,postId,url,kind,language,snippet,highlights", rows[0].TrimEnd('\r'));
        Assert.Single(rows, r => r.Contains("gbr-rss", StringComparison.Ordinal));
        Assert.EndsWith("28:8", rows[1].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Embassy opening hours", table.Output, StringComparison.Ordinal);
        Assert.Contains("National day reception", table.Output, StringComparison.Ordinal);
        Assert.Contains("2 hits.", table.Error, StringComparison.Ordinal);
        Assert.Equal(1, malformed.ExitCode);
        Assert.Equal("Invalid query: A phrase is not closed: add the ending quote (\") after \"unclosed phrase.", malformed.Error.Trim());
    }

    [Fact]
    public async Task IngestThenSearchTable_MatchesInBoldOnlyOnATerminal()
    {
        await RunAsync("ingest", "--once");

        var redirected = await RunAsync("search", "embassy OR reception");
        var terminal = await RunAsync(outputIsTerminal: true, "search", "embassy OR reception");

        Assert.DoesNotContain('\u001b', redirected.Output);
        Assert.Contains("\u001b[1mEmbassy\u001b[22m opening hours", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("National day \u001b[1mreception\u001b[22m", terminal.Output, StringComparison.Ordinal);
        Assert.Equal(redirected.Output, terminal.Output.Replace("\u001b[1m", string.Empty, StringComparison.Ordinal).Replace("\u001b[22m", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestThenLanguagesReport_PerAccountAndCountryInJsonCsvAndTable()
    {
        await RunAsync("ingest", "--once");

        var json = await RunAsync("report", "languages", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "json");
        var csv = await RunAsync("report", "languages", "--from", "2026-10-31", "--to", "2026-11-02", "--format", "csv", "--per", "country");
        var table = await RunAsync("report", "languages", "--from", "2026-10-31", "--to", "2026-11-02", "--platform", "rss", "--actor", "Embassy");

        Assert.Equal(0, json.ExitCode);
        var report = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("account", report.GetProperty("per").GetString());
        var all = report.GetProperty("all");
        Assert.Equal((5, 5, 0), (all.GetProperty("posts").GetInt32(), all.GetProperty("knownPosts").GetInt32(), all.GetProperty("unknownPosts").GetInt32()));
        Assert.Equal(["en:3:0.6", "fr:2:0.4"], all.GetProperty("languages").EnumerateArray()
            .Select(l => FormattableString.Invariant($"{l.GetProperty("language").GetString()}:{l.GetProperty("posts").GetInt32()}:{l.GetProperty("share").GetDouble()}")));
        Assert.Equal(["fra-atom", "gbr-rss"], report.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        Assert.Equal(
            ["country,accounts,language,posts,share,knownPosts,unknownPosts", "FRA,1,fr,2,1,2,0", "GBR,1,en,3,1,3,0", "all,2,en,3,0.6,5,0", "all,2,fr,2,0.4,5,0"],
            csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("fra-atom", table.Output, StringComparison.Ordinal);
        Assert.Contains("fr 100.0 %", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gbr-rss", table.Output, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(outputIsTerminal: false, args);

    private Task<CliResult> RunAsync(bool outputIsTerminal, params string[] args) => CliRunner.RunAsync(
    [
        .. args,
        $"--Monitor:AccountsFile={Path.Combine(directory, "accounts.csv")}",
        $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "monitor.db")}",
        "--Monitor:Http:Resilience:RetryBaseDelay=00:00:00.010",
        "--Monitor:Http:Resilience:RetryMaxDelay=00:00:00.050",
    ], outputIsTerminal: outputIsTerminal);

    private const string RssFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Ministry news</title>
            <link>https://example.org/</link>
            <language>en</language>
            <item>
              <title>Statement on the summit</title>
              <link>https://example.org/rss/1</link>
              <guid>https://example.org/rss/1</guid>
              <pubDate>Mon, 02 Nov 2026 09:30:00 GMT</pubDate>
              <description><![CDATA[<p>The minister welcomed the outcome &amp; thanked hosts.</p>]]></description>
            </item>
            <item>
              <title>Travel advice update</title>
              <link>https://example.org/rss/2</link>
              <guid>https://example.org/rss/2</guid>
              <pubDate>Sun, 01 Nov 2026 08:00:00 GMT</pubDate>
              <description>Advice updated, see "#Travel" https://Example.org/advice?utm_source=feed&amp;id=2</description>
              <enclosure url="https://example.org/media/map,1.jpg" type="image/jpeg" length="1"/>
            </item>
            <item>
              <title>Embassy opening hours</title>
              <link>https://example.org/rss/3</link>
              <guid>https://example.org/rss/3</guid>
              <pubDate>Sat, 31 Oct 2026 07:00:00 GMT</pubDate>
              <description>Closed on Monday.</description>
            </item>
          </channel>
        </rss>
        """;

    private static string AtomFeed(bool edited) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
          <id>urn:fra</id>
          <title>Embassy news</title>
          <updated>2026-11-03T10:00:00Z</updated>
          <entry>
            <id>urn:fra:1</id>
            <title>National day reception</title>
            <link rel="alternate" href="https://example.org/atom/1"/>
            <published>2026-11-01T18:00:00Z</published>
            <updated>2026-11-01T18:00:00Z</updated>
            <summary>Reception at the residence.</summary>
          </entry>
          <entry>
            <id>urn:fra:2</id>
            <title>Meeting</title>
            <link rel="alternate" href="https://example.org/atom/2"/>
            <published>2026-11-02T12:00:00Z</published>
            <updated>{(edited ? "2026-11-03T09:00:00Z" : "2026-11-02T12:00:00Z")}</updated>
            <summary>{(edited ? "Updated: the ambassador met the minister." : "The ambassador met the minister.")}</summary>
          </entry>
        </feed>
        """;

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
