using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Wikidata;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts.Wikidata;

/// <summary>The import against recorded-format SPARQL results served from 127.0.0.1.</summary>
public sealed class WikidataImporterTests
{
    private static readonly WikidataImportRequest FranceAndBritain = new(
        WikidataQueryBuilder.Actors, ["GBR", "FRA"], ["rss", "mastodon", "bluesky", "youtube", "x", "facebook", "telegram"]);

    [Fact]
    public async Task ImportAsync_RecordedResults_ProduceTheExpectedCsv()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();
        await using var services = Build(endpoint.Endpoint);

        var result = await services.GetRequiredService<WikidataImporter>().ImportAsync(FranceAndBritain, TestContext.Current.CancellationToken);

        Assert.Equal(Fixtures.ReadText("Wikidata/expected-import.csv"), ToCsv(result.Rows));
        Assert.Equal(5, result.Queries);
        Assert.Equal(["FRA", "GBR"], result.CountriesRequested);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("Q1135419 telegram 'France Diplomatie!' skipped:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_EveryQuery_IsAPostWithTheContactInTheUserAgent()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();
        await using var services = Build(endpoint.Endpoint);

        await services.GetRequiredService<WikidataImporter>().ImportAsync(FranceAndBritain, TestContext.Current.CancellationToken);

        Assert.Equal(5, endpoint.Server.Requests.Count);
        Assert.All(endpoint.Server.Requests, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("DiplomacyMonitor/1.0 (ops@example.org)", request.Header("User-Agent"));
            Assert.Equal("application/sparql-results+json", request.Header("Accept"));
            Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        });
        Assert.Equal(WikidataQueryBuilder.Actors.Select(a => WikidataQueryBuilder.Build(a, ["FRA", "GBR"], FranceAndBritain.Platforms)), endpoint.Queries);
    }

    [Fact]
    public async Task ImportAsync_TooManyRequestsWithRetryAfter_WaitsOnTheClockThenRetries()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new TimerWatchingTimeProvider(TimeSpan.FromSeconds(7));
        var throttled = 0;
        await using var endpoint = await WikidataFixtureServer.StartAsync(async (context, _) =>
        {
            if (Interlocked.Increment(ref throttled) > 1)
            {
                return false;
            }

            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "7";
            await context.Response.WriteAsync("Rate limit exceeded", ct);
            return true;
        });
        await using var services = Build(endpoint.Endpoint, time);
        var request = FranceAndBritain with { Actors = [ActorType.HeadOfState] };

        var import = services.GetRequiredService<WikidataImporter>().ImportAsync(request, ct);
        await time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Single(endpoint.Server.Requests);
        Assert.False(import.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(7));
        var result = await import.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(2, endpoint.Server.Requests.Count);
        Assert.Equal(4, result.Rows.Count);
    }

    [Theory]
    [InlineData(500, "text/plain", "java.util.concurrent.TimeoutException", "HTTP 500")]
    [InlineData(200, "application/sparql-results+json", "{\"head\":{\"vars\":[]},\"results\":", "malformed JSON")]
    [InlineData(200, "application/sparql-results+json", "{\"head\":{\"vars\":[]}}", "without results.bindings")]
    public async Task ImportAsync_UnusableAnswer_FailsNamingTheQuery(int status, string contentType, string body, string expected)
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, TestContext.Current.CancellationToken);
            return true;
        });
        await using var services = Build(endpoint.Endpoint, settings: new() { ["Monitor:Http:Resilience:MaxRetryAttempts"] = "0" });

        var error = await Assert.ThrowsAsync<WikidataQueryException>(() => services.GetRequiredService<WikidataImporter>()
            .ImportAsync(FranceAndBritain with { Actors = [ActorType.Embassy] }, TestContext.Current.CancellationToken));

        Assert.Contains("Wikidata query Embassy (FRA, GBR)", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_NothingListening_FailsWithOneSentence()
    {
        string endpoint;
        await using (var closed = await WikidataFixtureServer.StartAsync())
        {
            endpoint = closed.Endpoint;
        }

        await using var services = Build(endpoint, settings: new() { ["Monitor:Http:Resilience:MaxRetryAttempts"] = "0" });

        var error = await Assert.ThrowsAsync<WikidataQueryException>(() => services.GetRequiredService<WikidataImporter>()
            .ImportAsync(FranceAndBritain with { Actors = [ActorType.HeadOfState] }, TestContext.Current.CancellationToken));

        Assert.StartsWith("Wikidata query HeadOfState (FRA, GBR) failed: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ImportAsync_RetryAfterLongerThanTheCap_FailsWithTheTimeToWait()
    {
        var time = new TimerWatchingTimeProvider(TimeSpan.FromDays(1));
        await using var endpoint = await WikidataFixtureServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "600";
            await context.Response.WriteAsync("Too many requests", TestContext.Current.CancellationToken);
            return true;
        });
        await using var services = Build(endpoint.Endpoint, time);

        var error = await Assert.ThrowsAsync<WikidataQueryException>(() => services.GetRequiredService<WikidataImporter>()
            .ImportAsync(FranceAndBritain with { Actors = [ActorType.HeadOfState] }, TestContext.Current.CancellationToken));

        Assert.Equal("Wikidata query HeadOfState (FRA, GBR) failed: HTTP 429 Too Many Requests; the service asks to wait until 2026-12-01 12:10:00Z.",
            error.Message);
        Assert.Single(endpoint.Server.Requests);
    }

    internal static ServiceProvider Build(string endpoint, TimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Monitor:Wikidata:Endpoint"] = endpoint,
            ["Monitor:Wikidata:Contact"] = "ops@example.org",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return MonitorTestServices.Build(all, time);
    }

    internal static string ToCsv(IEnumerable<AccountCsvRow> rows)
    {
        using var writer = new StringWriter();
        AccountCsvFile.Write(writer, rows);
        return writer.ToString();
    }
}
