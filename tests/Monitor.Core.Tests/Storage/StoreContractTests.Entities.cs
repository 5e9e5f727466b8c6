using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Activity.Study;
using Monitor.Core.Adapters;
using Monitor.Core.Entities;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Storage;

/// <summary>Entities stored at write time: both providers count hashtags, links and the mentions network alike.</summary>
public abstract partial class StoreContractTests
{
    private static readonly ActivityWindow January = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

    private static TrackedAccount Handle(string id, string platform, string handle, bool enabled = true) =>
        new(id, platform, handle, "GBR", ActorType.ForeignMinistry, $"Name {id}", "en", enabled);

    private static Post Said(string id, int day, string text, PostKind kind = PostKind.Post, string? author = null, PostEntities? entities = null) => new()
    {
        PostId = id,
        PublishedAt = Start.AddDays(day),
        Kind = kind,
        Text = text,
        Author = author,
        Entities = entities,
    };

    private static readonly TrackedAccount[] NetworkAccounts =
    [
        Handle("m1", "mastodon", "@alice@social.example"),
        Handle("m2", "mastodon", "https://social.example/@bob"),
        Handle("m3", "mastodon", "@carol@other.example"),
        Handle("off", "mastodon", "@dave@social.example", enabled: false),
        Handle("b1", "bluesky", "fcdo.bsky.social"),
        Handle("b2", "bluesky", "amt.bsky.social"),
        Handle("x1", "x", "FCDOGovUK"),
        Handle("x2", "x", "GermanyDiplo"),
    ];

    private async Task<StoreHost> NetworkFixtureAsync()
    {
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync(NetworkAccounts, Start, Ct);
        await RecordAsync(host, "m1", Ok(
            Said("a1", 1, "Hello @bob and @carol@other.example #Climate https://Example.com/a?utm_source=x&id=1#top"),
            Said("a2", 2, "Thanks @BOB@social.example #climate #COP30"),
            Said("a3", 3, "Boosted text @bob #ignored", PostKind.Repost, author: "carol@other.example"),
            Said("a4", 40, "After the window @bob #late"),
            Said("a5", 4, "Me @alice, @dave (not tracked any more), @zed@nowhere.example")), capturedAt: Start.AddDays(41));
        await RecordAsync(host, "m2", Ok(Said("b1", 5, "@alice@social.example welcome")), capturedAt: Start.AddDays(6));
        await RecordAsync(host, "b2", Ok() with { Cursor = new PollCursor(ExternalId: "did:plc:amt") }, capturedAt: Start.AddDays(6));
        await RecordAsync(host, "b1", Ok(Said("c1", 6, "Meeting @renamed.bsky.social today",
            entities: new PostEntities { Mentions = [new EntityMention("renamed.bsky.social", "did:plc:amt")], Hashtags = ["Diplomacy"] })), capturedAt: Start.AddDays(7));
        await RecordAsync(host, "x1", Ok(
            Said("d1", 7, "RT @GermanyDiplo: great news #EU", PostKind.Repost, author: "FCDOGovUK"),
            Said("d2", 8, "Thanks @germanydiplo. See https://www.gov.uk/news?fbclid=abc")), capturedAt: Start.AddDays(9));
        return host;
    }

    private static FetchResult Ok(params Post[] posts) => new() { Status = PollStatus.Ok, Posts = posts };

    [Fact]
    public async Task EntityQueries_RecordedPosts_CountHashtagsAndLinksPerAccountInTheWindow()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var queries = host.Services.GetRequiredService<IEntityQueries>();

        var counts = await queries.QueryEntitiesAsync(January, [EntityType.Hashtag, EntityType.Link], Ct);

        Assert.Equal(
        [
            new EntityCount("b1", EntityType.Hashtag, "diplomacy", null, 1),
            new EntityCount("m1", EntityType.Hashtag, "climate", null, 2),
            new EntityCount("m1", EntityType.Hashtag, "cop30", null, 1),
            new EntityCount("m1", EntityType.Link, "https://example.com/a?id=1", null, 1),
            new EntityCount("x1", EntityType.Link, "https://www.gov.uk/news", null, 1),
        ], counts.OrderBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.Type).ThenBy(c => c.Value, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(EntityGrouping.All)]
    [InlineData(EntityGrouping.Country)]
    [InlineData(EntityGrouping.Account)]
    public async Task EntityTotals_RecordedPosts_EqualThePerAccountCountsAddedUp(EntityGrouping per)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var m9 = Handle("m9", "mastodon", "@erin@social.example") with { Country = "FRA" };
        await host.Accounts.SyncAccountsAsync([.. NetworkAccounts, m9, Handle("m8", "mastodon", "@frank@social.example") with { Country = "FRA" }], Start, Ct);
        await RecordAsync(host, "m9", Ok(Said("e1", 3, "#Climate #Paris"), Said("e2", 4, "#climate")), capturedAt: Start.AddDays(5));
        await RecordAsync(host, "m8", Ok(Said("f1", 3, "#climate #hidden")), capturedAt: Start.AddDays(5));
        await host.Accounts.SyncAccountsAsync([.. NetworkAccounts, m9], Start.AddDays(6), Ct); // m8 disabled: its posts no longer count
        var enabled = (await host.Accounts.ListAccountsAsync(Ct)).Select(r => r.Account).Where(a => a.Enabled).ToArray();
        var queries = host.Services.GetRequiredService<IEntityQueries>();

        var totals = await queries.QueryEntityTotalsAsync(January, EntityType.Hashtag, per, enabled, Ct);

        var expected = EntityRankingBuilder.Totals(enabled, await queries.QueryEntitiesAsync(January, [EntityType.Hashtag], Ct), per);
        Assert.Equal(Sorted(expected), Sorted(totals));
        if (per == EntityGrouping.All)
        {
            Assert.Equal(
            [
                new EntityTotal("all", "climate", 4, 2), new EntityTotal("all", "cop30", 1, 1),
                new EntityTotal("all", "diplomacy", 1, 1), new EntityTotal("all", "paris", 1, 1),
            ], Sorted(totals));
        }
        else if (per == EntityGrouping.Country)
        {
            Assert.Contains(new EntityTotal("FRA", "climate", 2, 1), totals);
            Assert.Contains(new EntityTotal("GBR", "climate", 2, 1), totals);
        }

        static EntityTotal[] Sorted(IEnumerable<EntityTotal> rows) =>
            rows.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task MentionsReport_RecordedPosts_HasTheExactEdgesAndRanking()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var reports = host.Services.GetRequiredService<EntityReportService>();

        var network = await reports.GetMentionsAsync(January, Ct);

        Assert.Equal(
        [
            new MentionEdge("b1", "b2", 1, 0),
            new MentionEdge("m1", "m2", 2, 0),
            new MentionEdge("m1", "m3", 1, 1),
            new MentionEdge("m2", "m1", 1, 0),
            new MentionEdge("x1", "x2", 1, 1),
        ], network.Edges);
        Assert.Equal(["m2", "m3", "x2", "b2", "m1", "b1", "x1"], network.Accounts.Select(n => n.AccountId));
        var m1 = network.Accounts.Single(n => n.AccountId == "m1");
        Assert.Equal((1, 2, 1L, 4L), (m1.InDegree, m1.OutDegree, m1.WeightedIn, m1.WeightedOut));
    }

    [Fact]
    public async Task MentionsReport_EditedPost_ReplacesItsMentions()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        await RecordAsync(host, "m2", Ok(Said("b1", 5, "@carol@other.example hello instead")), capturedAt: Start.AddDays(12));
        var reports = host.Services.GetRequiredService<EntityReportService>();

        var edges = (await reports.GetMentionsAsync(January, Ct)).Edges.Where(e => e.From == "m2");

        Assert.Equal([new MentionEdge("m2", "m3", 1, 0)], edges);
    }

    [Fact]
    public async Task MentionsQueries_ForTheStudy_GiveEachEdgesWeightAndANewlyTrackedAccountWithoutRewrite()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var mentions = host.Services.GetRequiredService<IMentionsQueries>();
        Assert.DoesNotContain(await mentions.QueryMentionsAsync(January, Ct), m => m.ToAccountId == "zed");

        await host.Accounts.SyncAccountsAsync(
        [
        Handle("m1", "mastodon", "@alice@social.example"), Handle("m2", "mastodon", "https://social.example/@bob"),
        Handle("m3", "mastodon", "@carol@other.example"), Handle("zed", "mastodon", "zed@nowhere.example"),
        ], Start.AddDays(50), Ct);
        var counts = await mentions.QueryMentionsAsync(January, Ct);

        Assert.Equal(
        [
            new MentionCount("m1", "m2", 2), new MentionCount("m1", "m3", 2), new MentionCount("m1", "zed", 1), new MentionCount("m2", "m1", 1),
        ], counts);
    }

    [Fact]
    public async Task Study_RecordedMentions_HasTheBestConnectedSectionInEveryFormat()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await NetworkFixtureAsync();
        var study = host.Services.GetRequiredService<StudyService>();

        var report = await study.GetStudyAsync(January, activeOnly: false, Ct);

        Assert.True(report.BestConnected.Available);
        Assert.Equal(
            [("b2", 1.0), ("m1", 1.0), ("m2", 1.0), ("m3", 1.0), ("x2", 1.0)],
            report.BestConnected.Accounts.Select(a => (a.AccountId, a.Value)).OrderBy(a => a.AccountId, StringComparer.Ordinal));
        var definition = StudyDefinitions.Meaning("mentionedBy");
        foreach (var format in new[] { StudyFormat.Html, StudyFormat.Markdown, StudyFormat.Json })
        {
            var output = new StringWriter();
            await study.WriteAsync(report, format, output, Ct);
            var text = output.ToString();
            Assert.DoesNotContain("Not available", text, StringComparison.Ordinal);
            if (format == StudyFormat.Json)
            {
                var section = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("bestConnected");
                Assert.True(section.GetProperty("available").GetBoolean());
                Assert.Equal(5, section.GetProperty("accounts").GetArrayLength());
            }
            else
            {
                Assert.Contains("Name m1", text, StringComparison.Ordinal);
                Assert.Contains(definition[..60], text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task MentionsReport_GroundTruth_EqualsEdgesCountedFromTheGeneratedPosts()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        string[] users = ["ann", "ben", "cem", "dia", "eli", "fay"];
        await host.Accounts.SyncAccountsAsync(users.Select(u => Handle(u, "mastodon", $"@{u}@gov.example")).ToArray(), Start, Ct);
        var random = new Random(15);
        var expected = new Dictionary<(string, string), (long Mentions, long Reposts)>();
        foreach (var from in users)
        {
            var posts = new List<Post>();
            for (var n = 0; n < 20; n++)
            {
                var day = random.Next(0, 31);
                if (random.Next(4) == 0)
                {
                    var author = users[random.Next(users.Length)];
                    posts.Add(Said($"{from}-{n}", day, $"boosted @{users[random.Next(users.Length)]}", PostKind.Repost, author: $"{author}@gov.example"));
                    Count(expected, from, author, repost: true);
                    continue;
                }

                var targets = users.Where(_ => random.Next(3) == 0).ToArray();
                string[] forms = ["@{0}", "@{0}@gov.example", "@{0}@GOV.example", "(@{0})"];
                var text = string.Join(" and ", targets.Select(t => string.Format(System.Globalization.CultureInfo.InvariantCulture, forms[random.Next(forms.Length)], t)));
                posts.Add(Said($"{from}-{n}", day, $"Meeting {text} today, cc someone@mail.example"));
                foreach (var target in targets)
                {
                    Count(expected, from, target, repost: false);
                }
            }

            await RecordAsync(host, from, new FetchResult { Status = PollStatus.Ok, Posts = posts }, capturedAt: Start.AddDays(32));
        }

        var network = await host.Services.GetRequiredService<EntityReportService>().GetMentionsAsync(January, Ct);

        Assert.Equal(
            expected.Select(e => new MentionEdge(e.Key.Item1, e.Key.Item2, e.Value.Mentions, e.Value.Reposts))
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal),
            network.Edges);
        Assert.True(network.Edges.Count > 10);
    }

    private static void Count(Dictionary<(string, string), (long Mentions, long Reposts)> edges, string from, string to, bool repost)
    {
        if (from == to)
        {
            return;
        }

        var edge = edges.GetValueOrDefault((from, to));
        edges[(from, to)] = repost ? (edge.Mentions, edge.Reposts + 1) : (edge.Mentions + 1, edge.Reposts);
    }
}
