using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Languages;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;
using Monitor.Core.Activity.Study;

namespace Monitor.Core.Tests.Activity.Languages;

/// <summary>
/// The report against shares computed independently: a seeded list of single posts (not counts) with raw tags, each
/// reduced to its primary subtag by a plain rule written here, then counted by hand per account, per country and overall.
/// </summary>
public sealed class LanguageReportGroundTruthTests
{
    private static readonly string?[] RawTags = ["en", "en-US", "EN", "fr", "fr-CA", "ar", "zh-Hans", "ru", "es-419", null, "und", "", "English"];

    [Fact]
    public void Build_SeededPosts_MatchesSharesCountedPostByPost()
    {
        var random = new Random(15);
        var accounts = Enumerable.Range(0, 12)
            .Select(i => new TrackedAccount($"acct-{i:00}", i % 3 == 0 ? "mastodon" : "rss", $"h{i}", ((string[])["GBR", "FRA", "EGY", "CHN"])[i % 4], ActorType.ForeignMinistry))
            .ToArray();
        var posts = Enumerable.Range(0, 2000)
            .Select(_ => (Account: accounts[random.Next(accounts.Length)], Tag: RawTags[random.Next(RawTags.Length)]))
            .ToArray();
        var counts = posts.GroupBy(p => (p.Account.Id, p.Tag)).Select(g => new LanguageCount(g.Key.Id, g.Key.Tag, g.Count())).ToArray();
        var window = new ActivityWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        var perAccount = LanguageReportBuilder.Build(window, accounts, counts, LanguageGrouping.Account);
        var perCountry = LanguageReportBuilder.Build(window, accounts, counts, LanguageGrouping.Country);

        AssertGroup(perAccount.All, posts.Select(p => p.Tag));
        foreach (var account in accounts)
        {
            AssertGroup(perAccount.Groups.Single(g => g.Key == account.Id), posts.Where(p => p.Account == account).Select(p => p.Tag));
        }

        foreach (var country in accounts.Select(a => a.Country).Distinct())
        {
            AssertGroup(perCountry.Groups.Single(g => g.Key == country), posts.Where(p => p.Account.Country == country).Select(p => p.Tag));
        }
    }

    [Fact]
    public void Build_SameCountsAsTheStudy_GivesTheStudysShares()
    {
        var accounts = new[] { new TrackedAccount("a", "rss", "a", "GBR", ActorType.Embassy), new TrackedAccount("b", "rss", "b", "FRA", ActorType.Embassy) };
        LanguageCount[] counts = [new("a", "en-GB", 3), new("a", "EN", 1), new("a", null, 2), new("b", "fr", 4), new("b", "und", 1)];
        var window = new ActivityWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        var report = LanguageReportBuilder.Build(window, accounts, counts, LanguageGrouping.Account);
        var study = StudyBuilder.Build(new StudyInputs(window, DateTimeOffset.UnixEpoch, [], new Dictionary<string, PollStatus?>(), [], counts,
            MembershipBuilder.Build([], activeOnly: false), null)).Languages;

        Assert.Equal(report.All.UnknownPosts, study.PostsWithoutLanguage);
        Assert.Equal(report.All.Languages.Select(l => (l.Language, l.Posts, l.Share)), study.Languages.Select(l => (l.Language, l.Posts, l.Share)));
    }

    private static void AssertGroup(LanguageGroup group, IEnumerable<string?> tags)
    {
        var primaries = tags.Select(Primary).ToArray();
        var known = primaries.Count(p => p is not null);
        Assert.Equal(primaries.Length, group.Posts);
        Assert.Equal(known, group.KnownPosts);
        Assert.Equal(primaries.Length - known, group.UnknownPosts);
        var expected = primaries.Where(p => p is not null).GroupBy(p => p!)
            .ToDictionary(g => g.Key, g => (Posts: (long)g.Count(), Share: (double)g.Count() / known));
        Assert.Equal(expected.Count, group.Languages.Count);
        foreach (var share in group.Languages)
        {
            Assert.Equal(expected[share.Language].Posts, share.Posts);
            Assert.Equal(expected[share.Language].Share, share.Share, 12);
        }

        Assert.Equal(1.0, group.Languages.Sum(l => l.Share), 9);
        Assert.True(group.Languages.Zip(group.Languages.Skip(1)).All(pair => pair.First.Posts >= pair.Second.Posts));
    }

    /// <summary>The test's own reading of RFC 5646: letters before the first hyphen, lower-cased; "und" and non-tags unknown.</summary>
    private static string? Primary(string? tag) => tag switch
    {
        null or "" or "und" or "English" => null,
        _ => tag.Split('-')[0].ToLowerInvariant(),
    };
}
