using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Study;
using Monitor.Core.Posts;
using Monitor.Core.Reference;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Activity.Study;

/// <summary>
/// A generated record (posts of every kind with languages and repost counts, polls of every status) is stored in
/// SQLite; the study's JSON must equal the figures computed here, independently, from the generated lists.
/// </summary>
public sealed class StudyGroundTruthTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
    private static readonly string?[] Languages = ["en", "fr", "EN", null, "de", "es", "en-GB", "fr_CA", "und", "English"];
    private static readonly PostKind[] Kinds = [PostKind.Post, PostKind.Post, PostKind.Reply, PostKind.Repost, PostKind.Quote];

    private static readonly (TrackedAccount Account, string LastStatus)[] Accounts =
    [
        (new("deu-emb", Platforms.X, "deuemb", "DEU", ActorType.Embassy, "German embassy"), "ok"),
        (new("esp-fm", Platforms.Bluesky, "esp.example", "ESP", ActorType.ForeignMinister, "Spanish FM"), "suspended"),
        (new("fra-hos", Platforms.Rss, "https://example.test/fra.xml", "FRA", ActorType.HeadOfState, "Élysée"), "ok"),
        (new("fra-mfa", Platforms.X, "francediplo", "FRA", ActorType.ForeignMinistry, "France Diplomatie"), "ok"),
        (new("gbr-pm", Platforms.Mastodon, "@pm@example", "GBR", ActorType.HeadOfGovernment, "UK PM"), "error"),
        (new("ita-mfa", Platforms.X, "italymfa", "ITA", ActorType.ForeignMinistry, "Farnesina"), "unauthorized"),
        (new("quiet", Platforms.Rss, "https://example.test/q.xml", "NOR", ActorType.Embassy), "ok"),
        (new("vat-x", Platforms.X, "pontifex", "VAT", ActorType.HeadOfState, "Holy See"), "ok"),
    ];

    // The creation dates the platforms gave: one before the first post, one after the window's end (so not used).
    private static readonly Dictionary<string, DateTimeOffset> Created = new(StringComparer.Ordinal)
    {
        ["fra-mfa"] = new(2011, 5, 3, 9, 30, 0, TimeSpan.Zero),
        ["esp-fm"] = new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero),
        ["gbr-pm"] = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private readonly ActivityTestDatabase database = new();
    private readonly List<(string AccountId, DateTimeOffset At, PostKind Kind, string? Language, long? Reposts)> posts = [];
    private readonly List<(string AccountId, DateTimeOffset At, string Status, long? Followers, long? PostsTotal)> snapshots = [];

    public StudyGroundTruthTests()
    {
        var random = new Random(16);
        foreach (var (account, status) in Accounts)
        {
            database.AddAccount(account, status);
            if (Created.TryGetValue(account.Id, out var created))
            {
                database.Execute("UPDATE accounts SET platform_created_at = $1 WHERE id = $2", created.ToUnixTimeMilliseconds(), account.Id);
            }

            var count = account.Id == "quiet" ? 0 : random.Next(3, 60);
            for (var i = 0; i < count; i++)
            {
                // From 2024 (adoption years) to the window's end, most of them in the window.
                var at = i % 3 == 0
                    ? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 800 * 24 * 60))
                    : Window.Start.AddMinutes(random.Next(0, 30 * 24 * 60));
                var kind = Kinds[random.Next(Kinds.Length)];
                var language = Languages[random.Next(Languages.Length)];
                long? reposts = account.Platform == Platforms.Rss || random.Next(5) == 0 ? null : random.Next(0, 500);
                posts.Add((account.Id, at, kind, language, reposts));
                database.AddPost(account, $"{account.Id}-{i}", at, kind, language, reposts);
            }

            for (var day = -3; day < 33; day += 3)
            {
                var at = Window.Start.AddDays(day).AddHours(6);
                var pollStatus = status is "unauthorized" ? "unauthorized" : day % 9 == 0 ? "error" : day % 2 == 0 ? "notModified" : "ok";
                long? followers = account.Platform == Platforms.Rss ? null : 1000 + (day * 7) + account.Id.Length;
                // X counts the account's posts: all those published so far, and 7 more from day 15 on that were never stored.
                var counted = posts.Count(p => p.AccountId == account.Id && p.At <= at) + (day > 15 ? 7 : 0);
                long? postsTotal = account.Platform == Platforms.X && pollStatus is "ok" or "notModified" ? 5000 + counted : null;
                snapshots.Add((account.Id, at, pollStatus, followers, postsTotal));
                database.AddSnapshot(account, at, followers, postsTotal, pollStatus);
            }
        }
    }

    [Fact]
    public async Task Study_GeneratedRecord_EveryFigureMatchesTheIndependentComputation()
    {
        var json = JsonDocument.Parse(await RenderAsync(StudyFormat.Json)).RootElement;
        bool InWindow(DateTimeOffset at) => at >= Window.Start && at < Window.End;
        var inWindow = posts.Where(p => InWindow(p.At)).ToArray();

        // Most active: posts ÷ 30 days, accounts with posts, highest first, ties by id.
        var active = Accounts.Select(a => (a.Account.Id, Posts: inWindow.Count(p => p.AccountId == a.Account.Id)))
            .Where(x => x.Posts > 0).OrderByDescending(x => x.Posts).ThenBy(x => x.Id, StringComparer.Ordinal).ToArray();
        AssertRanking(json.GetProperty("mostActive"), active.Select(x => (x.Id, x.Posts / 30.0, (long)x.Posts)));

        // Most conversational: replies ÷ posts, at least 5 posts.
        var conversational = active.Where(x => x.Posts >= 5)
            .Select(x => (x.Id, Value: (double)inWindow.Count(p => p.AccountId == x.Id && p.Kind == PostKind.Reply) / x.Posts, (long)x.Posts))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Id, StringComparer.Ordinal);
        AssertRanking(json.GetProperty("mostConversational"), conversational);

        // Most influential: reposts received ÷ own posts with a known count, at least 5 such posts.
        var influential = Accounts.Select(a => inWindow.Where(p => p.AccountId == a.Account.Id && p.Kind != PostKind.Repost && p.Reposts is not null).ToArray())
            .Where(own => own.Length >= 5)
            .Select(own => (own[0].AccountId, Value: own.Average(p => (double)p.Reposts!.Value), (long)own.Length))
            .OrderByDescending(x => x.Value).ThenBy(x => x.AccountId, StringComparer.Ordinal);
        AssertRanking(json.GetProperty("mostInfluential"), influential);

        // Most followed: followers of the last snapshot in the window that has them.
        var followed = Accounts.Select(a => (a.Account.Id, Last: snapshots.Where(s => s.AccountId == a.Account.Id && InWindow(s.At) && s.Followers is not null)
                .OrderBy(s => s.At).LastOrDefault()))
            .Where(x => x.Last.Followers is not null)
            .Select(x => (x.Id, Value: (double)x.Last.Followers!.Value, Posts: (long)inWindow.Count(p => p.AccountId == x.Id)))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Id, StringComparer.Ordinal);
        AssertRanking(json.GetProperty("mostFollowed"), followed);

        // Languages: the primary subtag, lower-cased ("und" and words that are no tag carry none), share of the posts that have one.
        var languages = json.GetProperty("languages");
        static string? Primary(string? tag) => tag?.Split('-', '_')[0].ToLowerInvariant() is { Length: 2 or 3 } code && code != "und" ? code : null;
        var withLanguage = inWindow.Where(p => Primary(p.Language) is not null).ToArray();
        Assert.Equal(inWindow.Length, languages.GetProperty("posts").GetInt64());
        Assert.Equal(inWindow.Length - withLanguage.Length, languages.GetProperty("postsWithoutLanguage").GetInt64());
        var countryOf = Accounts.ToDictionary(a => a.Account.Id, a => a.Account.Country);
        var expectedLanguages = withLanguage.GroupBy(p => Primary(p.Language)!)
            .Select(g => (g.Key, Posts: (long)g.Count(), Share: (double)g.Count() / withLanguage.Length, Accounts: g.Select(p => p.AccountId).Distinct().Count(),
                Countries: g.Select(p => countryOf[p.AccountId]).Distinct().Count()))
            .OrderByDescending(x => x.Posts).ThenBy(x => x.Key, StringComparer.Ordinal).ToArray();
        var actualLanguages = languages.GetProperty("languages").EnumerateArray().ToArray();
        Assert.Equal(expectedLanguages.Length, actualLanguages.Length);
        foreach (var (expected, actual) in expectedLanguages.Zip(actualLanguages))
        {
            Assert.Equal(expected.Key, actual.GetProperty("language").GetString());
            Assert.Equal(expected.Posts, actual.GetProperty("posts").GetInt64());
            Assert.Equal(expected.Share, actual.GetProperty("share").GetDouble(), 1e-6);
            Assert.Equal(expected.Accounts, actual.GetProperty("accounts").GetInt32());
            Assert.Equal(expected.Countries, actual.GetProperty("countries").GetInt32());
        }

        Assert.Equal(["de", "en", "es", "fr"], expectedLanguages.Select(l => l.Key).Order(StringComparer.Ordinal));

        // Methods: polls, successes, posts, sources in trouble.
        var methods = json.GetProperty("methods");
        Assert.Equal(snapshots.Count(s => InWindow(s.At)), methods.GetProperty("polls").GetInt64());
        Assert.Equal(snapshots.Count(s => InWindow(s.At) && s.Status is "ok" or "notModified"), methods.GetProperty("successfulPolls").GetInt64());
        Assert.Equal(inWindow.Length, methods.GetProperty("posts").GetInt64());
        Assert.Equal(Accounts.Length, methods.GetProperty("accounts").GetInt32());
        Assert.Equal(["esp-fm", "gbr-pm", "ita-mfa"], methods.GetProperty("sourcesInTrouble").EnumerateArray().Select(t => t.GetProperty("accountId").GetString()));
        Assert.Equal(Accounts.Select(a => a.Account.Country).Distinct().Count(), methods.GetProperty("countries").GetInt32());
        Assert.Equal(Accounts.Select(a => a.Account.Country).Where(UnStates.IsMember).Distinct().Count(), methods.GetProperty("membersTracked").GetInt32());
        Assert.Equal(
            Accounts.GroupBy(a => a.Account.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), g.Select(a => a.Account.Country).Distinct().Count())),
            methods.GetProperty("platforms").EnumerateArray().Select(p => (p.GetProperty("platform").GetString()!, p.GetProperty("accounts").GetInt32(), p.GetProperty("countries").GetInt32())));

        // Estimated missed posts: per account with a counter, its change over the window's counter snapshots minus the posts published between them.
        var missed = Accounts.Select(a => snapshots.Where(s => s.AccountId == a.Account.Id && InWindow(s.At) && s.PostsTotal is not null).OrderBy(s => s.At).ToArray())
            .Where(counters => counters.Length > 0)
            .Select(counters => Math.Max(0, counters[^1].PostsTotal!.Value - counters[0].PostsTotal!.Value
                - posts.Count(p => p.AccountId == counters[0].AccountId && p.At > counters[0].At && p.At <= counters[^1].At)))
            .ToArray();
        Assert.Equal(3, missed.Length);
        Assert.Equal(missed.Sum(), methods.GetProperty("estimatedMissedPosts").GetInt64());
        Assert.Equal(7 * 3, missed.Sum()); // the unauthorized X account has no successful poll, so no counter
        Assert.Equal(missed.Length, methods.GetProperty("accountsWithPostCounter").GetInt32());

        // Adoption: per platform, accounts by the year the platform created them (before the window's end), else by the
        // year of their oldest post before the window's end ("on or before").
        var adoption = json.GetProperty("adoption").EnumerateArray().ToArray();
        Assert.Equal(Accounts.Select(a => a.Account.Platform).Distinct().Count(), adoption.Length);
        foreach (var series in adoption)
        {
            var platform = series.GetProperty("platform").GetString();
            var firsts = Accounts.Where(a => a.Account.Platform == platform)
                .Select(a => (a.Account.Country,
                    Created: Created.TryGetValue(a.Account.Id, out var c) && c < Window.End ? c : (DateTimeOffset?)null,
                    First: posts.Where(p => p.AccountId == a.Account.Id && p.At < Window.End).Select(p => (DateTimeOffset?)p.At).Min()))
                .Where(f => f.Created is not null || f.First is not null)
                .Select(f => (f.Country, (f.Created ?? f.First)!.Value.Year, ByCreation: f.Created is not null)).ToArray();
            Assert.Equal(Accounts.Count(a => a.Account.Platform == platform) - firsts.Length, series.GetProperty("accountsWithoutDate").GetInt32());
            var years = series.GetProperty("years").EnumerateArray().ToArray();
            Assert.Equal(firsts.Length == 0 ? 0 : Window.To.Year - firsts.Min(f => f.Year) + 1, years.Length);
            foreach (var year in years)
            {
                var y = year.GetProperty("year").GetInt32();
                Assert.Equal(firsts.Count(f => f.Year == y), year.GetProperty("newAccounts").GetInt32());
                Assert.Equal(firsts.Count(f => f.Year == y && f.ByCreation), year.GetProperty("createdCount").GetInt32());
                Assert.Equal(firsts.Count(f => f.Year == y && !f.ByCreation), year.GetProperty("onOrBeforeCount").GetInt32());
                Assert.Equal(firsts.Count(f => f.Year <= y), year.GetProperty("accounts").GetInt32());
                Assert.Equal(firsts.Where(f => f.Year <= y).Select(f => f.Country).Distinct().Count(), year.GetProperty("countries").GetInt32());
            }
        }

        // Both sources occur: fra-mfa (X, 2011) and esp-fm (Bluesky, 2025) by creation; gbr-pm's date is past the window's end.
        Assert.Equal(2, adoption.Sum(s => s.GetProperty("years").EnumerateArray().Sum(y => y.GetProperty("createdCount").GetInt32())));

        // Presence: members listed on any platform (not gone), confirmed by a successful poll; the observer apart.
        var any = json.GetProperty("presence").GetProperty("anyPlatform");
        var counting = Accounts.Where(a => a.LastStatus is not ("suspended" or "notFound") && UnStates.IsMember(a.Account.Country)).ToArray();
        Assert.Equal(counting.Select(a => a.Account.Country).Distinct().Count(), any.GetProperty("listed").GetInt32());
        Assert.Equal(counting.Where(a => snapshots.Any(s => s.AccountId == a.Account.Id && InWindow(s.At) && s.Status is "ok" or "notModified"))
            .Select(a => a.Account.Country).Distinct().Count(), any.GetProperty("confirmed").GetInt32());
        // Per platform: listed and confirmed as above, absent = tracked members not listed there, by name.
        var trackedMembers = Accounts.Select(a => a.Account.Country).Where(UnStates.IsMember).Distinct().ToArray();
        foreach (var platform in json.GetProperty("presence").GetProperty("platforms").EnumerateArray())
        {
            var name = platform.GetProperty("platform").GetString();
            var listed = counting.Where(a => a.Account.Platform == name).ToArray();
            Assert.Equal(listed.Select(a => a.Account.Country).Distinct().Count(), platform.GetProperty("listed").GetInt32());
            Assert.Equal(listed.Where(a => snapshots.Any(s => s.AccountId == a.Account.Id && InWindow(s.At) && s.Status is "ok" or "notModified"))
                .Select(a => a.Account.Country).Distinct().Count(), platform.GetProperty("confirmed").GetInt32());
            Assert.Equal(trackedMembers.Except(listed.Select(a => a.Account.Country)).Select(c => UnStates.Find(c)!.Name).Order(StringComparer.Ordinal),
                platform.GetProperty("absent").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        }

        Assert.Equal(193 - trackedMembers.Length, json.GetProperty("presence").GetProperty("untracked").GetArrayLength());
        Assert.False(json.GetProperty("bestConnected").GetProperty("available").GetBoolean());
        Assert.Equal(["quiet"], json.GetProperty("dormant").EnumerateArray().Select(d => d.GetProperty("accountId").GetString()));
    }

    [Fact]
    public async Task Html_GeneratedRecord_WellFormedWithEverySectionAndOneMapElementPerMember()
    {
        var html = await RenderAsync(StudyFormat.Html);

        var ids = new List<string>();
        var countries = new List<string>();
        using (var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "section" && reader.GetAttribute("id") is { } id)
                {
                    ids.Add(id);
                }

                if (reader.GetAttribute("data-country") is { } country && reader.LocalName is "path" or "circle")
                {
                    countries.Add(country);
                }
            }
        }

        Assert.Equal(StudyTextSections, ids.Intersect(StudyTextSections));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var members = UnStates.Members.Select(m => m.Alpha3).ToHashSet();
        Assert.Equal(members.Order(StringComparer.Ordinal), countries.Where(members.Contains).Order(StringComparer.Ordinal));
        Assert.Contains(StudyBuilder.MentionsMissing, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_GeneratedRecord_EverySectionHeading()
    {
        var markdown = await RenderAsync(StudyFormat.Markdown);

        foreach (var title in new[] { "Presence", "Most followed", "Most active", "Most conversational", "Most influential", "Best connected", "Languages", "Dormant", "Platform adoption", "Methods" })
        {
            Assert.Contains("\n## " + title, markdown, StringComparison.Ordinal);
        }

        // Adoption says which source each count has: fra-mfa, created on X in 2011, is the only account of that year.
        Assert.Contains("| platform | year | new | created | on or before | accounts | countries |", markdown, StringComparison.Ordinal);
        Assert.Contains("| x | 2011 | 1 | 1 | 0 | 1 | 1 |", markdown, StringComparison.Ordinal);
    }

    private static readonly string[] StudyTextSections =
        ["presence", "most-followed", "most-active", "most-conversational", "most-influential", "best-connected", "languages", "dormant", "adoption", "methods"];

    private async Task<string> RenderAsync(StudyFormat format)
    {
        var time = new FakeTimeProvider(Now);
        var sqlite = Options.Create(new SqliteOptions { Path = database.Path });
        var service = new StudyService(database.Queries, new SqliteStudyQueries(sqlite),
            new ActivityCalculator(Options.Create(new ActivityOptions()), time), time, NullLogger<StudyService>.Instance);
        var report = await service.GetStudyAsync(Window, activeOnly: false, TestContext.Current.CancellationToken);
        await using var output = new StringWriter();
        await service.WriteAsync(report, format, output, TestContext.Current.CancellationToken);
        return output.ToString();
    }

    /// <summary>The ranking's top 10 overall, and per platform and per actor type (groups by key), against <paramref name="expected"/> in rank order.</summary>
    private static void AssertRanking(JsonElement ranking, IEnumerable<(string Id, double Value, long Posts)> expected)
    {
        var all = expected.ToArray();
        Assert.NotEmpty(all);
        AssertTop(ranking.GetProperty("overall"), all);
        var account = Accounts.ToDictionary(a => a.Account.Id, a => a.Account);
        foreach (var (property, key) in new (string, Func<TrackedAccount, string>)[] { ("byPlatform", a => a.Platform), ("byActor", a => a.Actor.ToString()) })
        {
            var groups = ranking.GetProperty(property).EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("accounts"));
            var expectedGroups = all.GroupBy(e => key(account[e.Id])).ToArray();
            Assert.Equal(expectedGroups.Select(g => g.Key).Order(StringComparer.Ordinal), groups.Keys.Order(StringComparer.Ordinal));
            foreach (var group in expectedGroups)
            {
                AssertTop(groups[group.Key], group);
            }
        }
    }

    private static void AssertTop(JsonElement actual, IEnumerable<(string Id, double Value, long Posts)> expected)
    {
        var top = expected.Take(10).ToArray();
        var rows = actual.EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, top.Length), rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(top.Select(e => e.Id), rows.Select(r => r.GetProperty("accountId").GetString()));
        foreach (var (e, r) in top.Zip(rows))
        {
            Assert.Equal(e.Value, r.GetProperty("value").GetDouble(), 1e-6);
            Assert.Equal(e.Posts, r.GetProperty("posts").GetInt64());
        }
    }

    public void Dispose() => database.Dispose();
}
