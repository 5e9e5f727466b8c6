using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Posts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Mastodon;

public sealed class MastodonAdapterTests : IAsyncLifetime
{
    private const string Token = "mastodon-secret-token-4711";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MastodonFakeInstance instance = new();
    private LoopbackServer server = null!;
    private ServiceProvider services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(instance.HandleAsync);
        services = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    private ServiceProvider Build(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Platforms:Mastodon:BaseUrl"] = server.BaseUrl.ToString(),
            ["Monitor:Platforms:Mastodon:AccessToken"] = Token,
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in extra)
        {
            settings["Monitor:Platforms:Mastodon:" + key] = value;
        }

        // Only the adapter graph is under test; the poll cycle's storage ports may not be registered here.
        return MonitorTestServices.Build(settings);
    }

    private const string ActorUri = "https://social.example/users/France_Diplo";

    private Task<FetchResult> FetchAsync(string? position, bool firstPoll = false, DateTimeOffset? since = null,
        IReadOnlyList<KnownPost>? recent = null, string handle = "@France_Diplo@social.example", ServiceProvider? provider = null,
        string? externalId = null)
    {
        var adapter = (provider ?? services).GetRequiredService<AdapterRegistry>().Get(Platforms.Mastodon);
        var account = new TrackedAccount("fra-mfa", Platforms.Mastodon, handle, "FRA", ActorType.ForeignMinistry);
        return adapter.FetchAsync(new FetchRequest(account, new PollCursor(Position: position, ExternalId: externalId), firstPoll, since, recent ?? []), Ct);
    }

    private IReadOnlyList<RecordedRequest> StatusRequests() => server.RequestsTo($"/api/v1/accounts/{MastodonFakeInstance.AccountId}/statuses");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task FetchAsync_NewStatusesSinceCursor_ReturnsThemWithProfileAndCursor()
    {
        instance.AddFixture("statuses-kinds.json");

        var result = await FetchAsync("113561000000000100");

        Assert.Equal(PollStatus.Ok, result.Status);
        // The newest page holds the three new statuses and re-reads the stored one (its edits and counts).
        Assert.Equal(["113561000000000400", "113561000000000300", "113561000000000200", "113561000000000100"], result.Posts.Select(p => p.PostId));
        Assert.Equal(new ProfileCounts(48213, 312, 2784) { CreatedAt = new DateTimeOffset(2022, 11, 9, 0, 0, 0, TimeSpan.Zero) }, result.Profile);
        Assert.Equal(new PollCursor(Position: "113561000000000400", ExternalId: ActorUri), result.Cursor);
        Assert.Equal(new AccountIdentity(ActorUri, "France_Diplo@social.example"), result.Identity);
        Assert.Equal("?limit=40", Assert.Single(StatusRequests()).Query);
        Assert.Equal("?acct=France_Diplo", Assert.Single(server.RequestsTo("/api/v1/accounts/lookup")).Query);
    }

    [Fact]
    public async Task FetchAsync_BurstOfMoreThanOnePage_PagesForwardWithoutGap()
    {
        instance.AddGenerated(100, 1000, Start);

        var result = await FetchAsync("1000");

        Assert.Equal(Enumerable.Range(1001, 99).Select(i => Id(i)), result.Posts.Select(p => p.PostId).Order(StringComparer.Ordinal));
        Assert.Equal("1099", result.Cursor!.Position);
        // The newest page does not reach the cursor: the burst is read forward from it, and joins the page.
        Assert.Equal(["?limit=40", "?limit=40&min_id=1000", "?limit=40&min_id=1040", "?limit=40&min_id=1080"], StatusRequests().Select(r => r.Query));
    }

    [Fact]
    public async Task FetchAsync_RateLimitUsedUpMidBurst_StopsAndNextPollContinuesWithoutGap()
    {
        instance.AddGenerated(100, 1000, Start);
        var reset = new DateTimeOffset(2026, 11, 28, 12, 5, 0, TimeSpan.Zero);
        instance.Intercept = context =>
        {
            context.Response.Headers["X-RateLimit-Limit"] = "300";
            context.Response.Headers["X-RateLimit-Remaining"] = context.Request.Query["min_id"] == "1000" ? "0" : "250";
            context.Response.Headers["X-RateLimit-Reset"] = "2026-11-28T12:05:00.000Z";
            return Task.FromResult(false);
        };

        var first = await FetchAsync("1000", recent: [new KnownPost("1000", Start)]);
        var second = await FetchAsync(first.Cursor!.Position);

        Assert.Equal(PollStatus.Ok, first.Status);
        Assert.Equal(reset, first.RetryAfter);
        Assert.True(first.PlatformWide);
        Assert.Equal(40, first.Posts.Count);
        Assert.Empty(server.RequestsTo("/api/v1/statuses/1000"));
        Assert.Equal(Enumerable.Range(1001, 99).Select(i => Id(i)),
            first.Posts.Concat(second.Posts).Select(p => p.PostId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_FirstPoll_BackfillsBackToBackfillSince()
    {
        instance.AddGenerated(100, 1000, Start);

        var result = await FetchAsync(null, firstPoll: true, since: Start.AddHours(45));

        Assert.Equal(Enumerable.Range(1045, 55).Select(i => Id(i)), result.Posts.Select(p => p.PostId).Order(StringComparer.Ordinal));
        Assert.Equal(["?limit=40", "?limit=40&max_id=1060"], StatusRequests().Select(r => r.Query));
        Assert.Equal("1099", result.Cursor!.Position);
    }

    [Fact]
    public async Task FetchAsync_FirstPoll_StopsAtPageCapAndLogsProgress()
    {
        instance.AddGenerated(200, 1000, Start);
        await using var capped = Build(("MaxBackfillPages", "2"));

        var result = await FetchAsync(null, firstPoll: true, provider: capped);

        Assert.Equal(80, result.Posts.Count);
        Assert.Equal(2, StatusRequests().Count);
        var logs = capped.GetFakeLogCollector().GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Id.Id == 2100));
        Assert.Contains(logs, r => r.Id.Id == 2101);
    }

    [Fact]
    public async Task FetchAsync_StatusKinds_MapsEachKindWithTextMetricsAndEdit()
    {
        instance.AddFixture("statuses-kinds.json");

        var posts = (await FetchAsync(null, firstPoll: true)).Posts.ToDictionary(p => p.PostId);

        var quote = posts["113561000000000400"];
        Assert.Equal(PostKind.Quote, quote.Kind);
        Assert.Equal("À lire : notre analyse.", quote.Text);
        Assert.Equal(new PostMetrics(2, 11, 25), quote.Metrics); // Mastodon gives no quote count: Quotes stays null

        var boost = posts["113561000000000300"];
        Assert.Equal(PostKind.Repost, boost.Kind);
        Assert.Equal("Today the Commission adopted a #trade package & more.", boost.Text);
        Assert.Equal("https://other.example/@EU_Commission/113560000000000777", boost.Url);
        Assert.Equal("en", boost.Language);
        Assert.Equal("EU_Commission@other.example", boost.Author);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T15:00:00Z", CultureInfo.InvariantCulture), boost.PublishedAt);
        Assert.Equal(new PostMetrics(40, 310, 512), boost.Metrics);
        Assert.Equal(["https://other.example/system/media/trade.png", "https://social.example/system/cache/media/trade.mp4"], boost.Media);
        Assert.Empty(quote.Media);

        Assert.Equal(PostKind.Reply, posts["113561000000000200"].Kind);

        var edited = posts["113561000000000100"];
        Assert.Equal(PostKind.Post, edited.Kind);
        Assert.Equal("1/2 Le ministre s'est entretenu avec son homologue.\nCommuniqué : https://www.diplomatie.example/c", edited.Text);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T12:45:10Z", CultureInfo.InvariantCulture), edited.EditedAt);
        Assert.Equal("https://social.example/@France_Diplo/113561000000000100", edited.Url);
        Assert.Equal(["https://social.example/system/media_attachments/files/1/original/meeting.jpg"], edited.Media);
        Assert.Equal("fr", edited.Language);
    }

    [Fact]
    public async Task FetchAsync_RecentPostsDeletedOrEdited_ReportsDeletionsAndCurrentVersions()
    {
        instance.AddFixture("statuses-kinds.json");
        instance.Status(113561000000000200)["edited_at"] = "2026-11-28T08:00:00.000Z";
        instance.Status(113561000000000200)["content"] = "<p>2/2 Corrigé.</p>";
        KnownPost[] recent =
        [
            new("113561000000000450", Start), new("113561000000000400", Start), new("113561000000000200", Start), new("113561000000000100", Start),
        ];

        var result = await FetchAsync("113561000000000400", recent: recent);

        Assert.Equal([new PostDeletion("113561000000000450", DeletionEvidence.NotFound)], result.Deletions);
        var edited = Assert.Single(result.Posts, p => p.PostId == "113561000000000200");
        Assert.Equal("2/2 Corrigé.", edited.Text);
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T08:00:00Z", CultureInfo.InvariantCulture), edited.EditedAt);
        // The edit came with the newest page; only the status missing from it is read alone.
        Assert.Equal("/api/v1/statuses/113561000000000450", Assert.Single(server.Requests, r => r.Path.StartsWith("/api/v1/statuses/", StringComparison.Ordinal)).Path);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequests_ReturnsRateLimitedUntilResetWithoutRetrying()
    {
        instance.Intercept = async context =>
        {
            if (!context.Request.Path.Value!.EndsWith("/statuses", StringComparison.Ordinal))
            {
                return false;
            }

            context.Response.Headers["X-RateLimit-Limit"] = "300";
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["X-RateLimit-Reset"] = "2026-11-28T12:05:00.000Z";
            await MastodonFakeInstance.WriteAsync(context, 429, """{"error":"Too many requests"}""");
            return true;
        };

        var result = await FetchAsync("1000");

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 5, 0, TimeSpan.Zero), result.RetryAfter);
        Assert.Equal(429, result.HttpStatus);
        Assert.Single(StatusRequests());
    }

    [Theory]
    [InlineData(401, PollStatus.Unauthorized)]
    [InlineData(403, PollStatus.Unauthorized)]
    [InlineData(404, PollStatus.NotFound)]
    [InlineData(410, PollStatus.NotFound)]
    public async Task FetchAsync_LookupFails_MapsStatus(int code, PollStatus expected)
    {
        instance.Intercept = async context =>
        {
            await MastodonFakeInstance.WriteAsync(context, code, """{"error":"nope"}""");
            return true;
        };

        var result = await FetchAsync(null);

        Assert.Equal(expected, result.Status);
        Assert.Equal(code, result.HttpStatus);
        Assert.DoesNotContain(Token, result.Error!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_UnknownAccount_ReturnsNotFound()
    {
        var result = await FetchAsync(null, handle: "@Nobody@social.example");

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Empty(StatusRequests());
    }

    [Fact]
    public async Task FetchAsync_SuspendedAccount_ReturnsSuspended()
    {
        instance.Intercept = async context =>
        {
            await MastodonFakeInstance.WriteAsync(context, 200, Fixtures.ReadText("Mastodon/account-suspended.json"));
            return true;
        };

        var result = await FetchAsync(null);

        Assert.Equal(PollStatus.Suspended, result.Status);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("""[{"id":"1","created_at":"2026-11-27T12:00:00Z","content":""")]
    [InlineData("""{"error":"not a list"}""")]
    [InlineData("""[{"id":"1","created_at":"yesterday"}]""")]
    [InlineData("""[{"content":"no id"}]""")]
    public async Task FetchAsync_MalformedStatuses_ThrowsPayloadFormatException(string body)
    {
        instance.Intercept = async context =>
        {
            if (!context.Request.Path.Value!.EndsWith("/statuses", StringComparison.Ordinal))
            {
                return false;
            }

            await MastodonFakeInstance.WriteAsync(context, 200, body);
            return true;
        };

        await Assert.ThrowsAsync<PayloadFormatException>(() => FetchAsync("1000"));
    }

    [Fact]
    public async Task FetchAsync_AccessToken_SentAsBearerAndNeverLogged()
    {
        instance.AddGenerated(50, 1000, Start);
        var lookups = 0;
        instance.Intercept = async context =>
        {
            // One transient failure (retried, logged) and one refused older page (paging stops, logged).
            if (context.Request.Path == "/api/v1/accounts/lookup" && Interlocked.Increment(ref lookups) == 1)
            {
                await MastodonFakeInstance.WriteAsync(context, 503, "busy");
                return true;
            }

            if (context.Request.Query["max_id"] != "1010")
            {
                return false;
            }

            await MastodonFakeInstance.WriteAsync(context, 403, """{"error":"This action is not allowed"}""");
            return true;
        };

        var result = await FetchAsync(null, firstPoll: true);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Token, r.Header("Authorization")));
        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 2103);
        Assert.Contains(logs, r => r.Id.Id == 1000);
        Assert.All(logs, r => Assert.DoesNotContain(Token, r.Message + r.Exception, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_WithoutToken_SendsNoAuthorization()
    {
        instance.AddGenerated(3, 1000, Start);
        await using var anonymous = Build(("AccessToken", ""));

        await FetchAsync(null, firstPoll: true, provider: anonymous);

        Assert.All(server.Requests, r => Assert.Null(r.Header("Authorization")));
    }

    [Fact]
    public async Task FetchAsync_LegacyNumericIdOfTheSameAccount_IsUpgradedToTheActorUri()
    {
        instance.AddFixture("statuses-kinds.json");

        var result = await FetchAsync("113561000000000400", externalId: MastodonFakeInstance.AccountId);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(ActorUri, result.Cursor!.ExternalId);
    }

    [Theory]
    [InlineData("https://social.example/users/someone_else")]
    [InlineData("110000000000000001")]
    public async Task FetchAsync_HandleNowNamingAnotherAccount_IsAnIdentityChange(string recorded)
    {
        instance.AddFixture("statuses-kinds.json");

        var result = await FetchAsync("113561000000000400", externalId: recorded);

        Assert.Equal(PollStatus.IdentityChanged, result.Status);
        Assert.Equal(ActorUri, result.Identity!.StableId);
        Assert.Empty(StatusRequests());
    }

    [Fact]
    public async Task FetchAsync_KnownActorUnderAnotherUsername_IsARename()
    {
        instance.AddFixture("statuses-kinds.json");
        instance.Intercept = async context =>
        {
            if (context.Request.Path != "/api/v1/accounts/lookup") return false;
            await MastodonFakeInstance.WriteAsync(context, 200, Fixtures.ReadText("Mastodon/account.json")
                .Replace("\"acct\": \"France_Diplo\"", "\"acct\": \"FranceDiplomatie\"", StringComparison.Ordinal));
            return true;
        };

        var result = await FetchAsync("113561000000000400", externalId: ActorUri);

        Assert.Equal(PollStatus.Renamed, result.Status);
        Assert.Equal("FranceDiplomatie@social.example", result.Identity!.CurrentHandle);
        Assert.NotEmpty(result.Posts);
    }

    [Fact]
    public async Task VerifyAsync_IsOneAccountLookup()
    {
        var adapter = services.GetRequiredService<AdapterRegistry>().Get(Platforms.Mastodon);
        var account = new TrackedAccount("fra-mfa", Platforms.Mastodon, "@france_diplo@social.example", "FRA", ActorType.ForeignMinistry);

        var result = await adapter.VerifyAsync(account, new PollCursor(ExternalId: ActorUri), Ct);

        Assert.Equal(PollStatus.Ok, result.Status); // usernames compare case-insensitively
        Assert.Equal(new ProfileCounts(48213, 312, 2784) { CreatedAt = new DateTimeOffset(2022, 11, 9, 0, 0, 0, TimeSpan.Zero) }, result.Profile);
        Assert.Single(server.Requests);
    }
}
