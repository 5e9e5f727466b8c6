using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Activity.Study;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Storage;

/// <summary>The study's best-connected ranking over a recorded mentions network: overall, per platform and per actor type.</summary>
public abstract partial class StoreContractTests
{
    private static readonly ActorType[] StudyActors =
        [ActorType.HeadOfState, ActorType.HeadOfGovernment, ActorType.ForeignMinistry, ActorType.ForeignMinister, ActorType.Embassy];

    private static readonly Dictionary<string, string> ActorHeadings = new()
    {
        ["HeadOfState"] = "Heads of state", ["HeadOfGovernment"] = "Heads of government", ["ForeignMinistry"] = "Foreign ministries",
        ["ForeignMinister"] = "Foreign ministers", ["Embassy"] = "Embassies",
    };

    [Fact]
    public async Task Study_GeneratedMentions_BestConnectedByActorTypeEqualsTheRankingCountedFromThePosts()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        // 15 Mastodon and 15 X accounts, three of each actor type per platform: mentions resolve within a platform.
        var accounts = Enumerable.Range(0, 30).Select(i => new TrackedAccount(
                $"u{i:00}", i < 15 ? "mastodon" : "x", i < 15 ? $"@u{i:00}@gov.example" : $"u{i:00}", "FRA", StudyActors[i % 5], $"Name u{i:00}", "en"))
            .ToArray();
        await host.Accounts.SyncAccountsAsync(accounts, Start, Ct);
        var random = new Random(16);
        var mentionedBy = accounts.ToDictionary(a => a.Id, _ => new HashSet<string>(StringComparer.Ordinal));
        var postsInWindow = accounts.ToDictionary(a => a.Id, _ => 0L);
        foreach (var from in accounts)
        {
            var peers = accounts.Where(a => a.Platform == from.Platform).ToArray();
            var posts = new List<Post>();
            for (var n = 0; n < random.Next(1, 12); n++)
            {
                // Day 40 lies after January: its mentions must not count.
                var day = random.Next(0, 8) == 0 ? 40 : random.Next(0, 31);
                var targets = peers.Where(_ => random.Next(6) == 0).ToArray();
                var text = string.Join(" ", targets.Select(t => from.Platform == "x" ? "@" + t.Handle : t.Handle));
                posts.Add(Said($"{from.Id}-{n}", day, $"With {text} today"));
                if (day < 31)
                {
                    postsInWindow[from.Id]++;
                    foreach (var target in targets.Where(t => t.Id != from.Id))
                    {
                        mentionedBy[target.Id].Add(from.Id);
                    }
                }
            }

            await RecordAsync(host, from.Id, new FetchResult { Status = PollStatus.Ok, Posts = posts }, capturedAt: Start.AddDays(41));
        }

        var study = host.Services.GetRequiredService<StudyService>();
        var report = await study.GetStudyAsync(January, activeOnly: false, Ct);

        // Expected: in-degree = distinct other accounts mentioning the account in the window; highest first, ties by id, top 10.
        (string Id, double Value, long Posts)[] Top(IEnumerable<TrackedAccount> group) => group
            .Where(a => mentionedBy[a.Id].Count > 0)
            .Select(a => (a.Id, Value: (double)mentionedBy[a.Id].Count, Posts: postsInWindow[a.Id]))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(10).ToArray();
        var section = report.BestConnected;
        Assert.True(section.Available);
        Assert.Equal(Top(accounts), section.Accounts.Select(a => (a.AccountId, a.Value, a.Posts)));
        var expectedByActor = accounts.GroupBy(a => a.Actor).OrderBy(g => g.Key).Select(g => (g.Key.ToString(), Top(g))).Where(g => g.Item2.Length > 0).ToArray();
        Assert.Equal(5, expectedByActor.Length);
        Assert.Equal(expectedByActor.Select(g => g.Item1), section.ByActor.Select(g => g.Key));
        foreach (var ((actor, expected), actual) in expectedByActor.Zip(section.ByActor))
        {
            Assert.Equal(expected, actual.Accounts.Select(a => (a.AccountId, a.Value, a.Posts)));
            Assert.All(actual.Accounts, a => Assert.Equal(actor, a.Actor));
            Assert.Equal(Enumerable.Range(1, expected.Length), actual.Accounts.Select(a => a.Rank));
        }

        var expectedByPlatform = accounts.GroupBy(a => a.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Top(g))).ToArray();
        Assert.Equal(expectedByPlatform.Select(g => g.Key), section.ByPlatform.Select(g => g.Key));
        Assert.Equal(expectedByPlatform.Select(g => g.Item2), section.ByPlatform.Select(g => g.Accounts.Select(a => (a.AccountId, a.Value, a.Posts)).ToArray()));

        // Every format shows the groups: json as byActor, html and markdown under "By actor type" in the section.
        var json = await RenderStudyAsync(study, report, StudyFormat.Json);
        var byActor = JsonDocument.Parse(json).RootElement.GetProperty("bestConnected").GetProperty("byActor");
        Assert.Equal(expectedByActor.Select(g => g.Item1), byActor.EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        Assert.Equal(expectedByActor.Select(g => g.Item2.Select(x => x.Id)),
            byActor.EnumerateArray().Select(g => g.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountId").GetString()!)));
        var html = await RenderStudyAsync(study, report, StudyFormat.Html);
        var bestConnected = html[html.IndexOf("<section id=\"best-connected\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"languages\">", StringComparison.Ordinal)];
        Assert.Contains("By actor type", bestConnected, StringComparison.Ordinal);
        Assert.All(expectedByActor, g => Assert.Contains($"<h3>{ActorHeadings[g.Item1]}</h3>", bestConnected, StringComparison.Ordinal));
        var markdown = await RenderStudyAsync(study, report, StudyFormat.Markdown);
        var mdSection = markdown[markdown.IndexOf("## Best connected", StringComparison.Ordinal)..markdown.IndexOf("## Languages", StringComparison.Ordinal)];
        Assert.Contains("### By actor type", mdSection, StringComparison.Ordinal);
        Assert.All(expectedByActor, g => Assert.Contains($"#### {ActorHeadings[g.Item1]}\n", mdSection.ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }

    private static async Task<string> RenderStudyAsync(StudyService study, StudyReport report, StudyFormat format)
    {
        await using var output = new StringWriter();
        await study.WriteAsync(report, format, output, Ct);
        return output.ToString();
    }
}
