using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;

namespace Monitor.Core.Activity.Study;

/// <summary>Computes the study from the store's aggregates: pure arithmetic, the same for every store.</summary>
internal static class StudyBuilder
{
    public const string MentionsMissing = "Not available: no mentions store is registered, so the mentions network cannot be measured.";

    private static readonly PollStatus[] Trouble = [PollStatus.Error, PollStatus.RateLimited, PollStatus.Unauthorized, PollStatus.NotFound, PollStatus.Suspended];

    public static StudyReport Build(StudyInputs inputs)
    {
        var rows = inputs.Activity;
        var facts = inputs.Facts.ToDictionary(f => f.AccountId, StringComparer.Ordinal);
        var window = inputs.Window;
        return new StudyReport(
            new StudyWindow(window.From, window.To, window.Days, inputs.GeneratedAt),
            inputs.Presence,
            StudyRankings.Rank("followers", StudyDefinitions.Meaning("followers"), "accounts with a follower count in the window",
                rows, r => r.FollowersEnd is { } f ? (f, r.Posts) : null),
            StudyRankings.Rank("postsPerDay", StudyDefinitions.Meaning("postsPerDay"), "accounts with at least one post in the window",
                rows, r => r.Posts > 0 ? (r.PostsPerDay, r.Posts) : null),
            StudyRankings.Rank("replyShare", StudyDefinitions.Meaning("replyShare"), $"accounts with at least {StudyRankings.MinPosts} posts in the window",
                rows, r => r.Posts >= StudyRankings.MinPosts ? (r.ReplyShare, r.Posts) : null),
            StudyRankings.Rank("repostsPerPost", StudyDefinitions.Meaning("repostsPerPost"), $"accounts with at least {StudyRankings.MinPosts} posts whose repost count is known",
                rows, r => facts.GetValueOrDefault(r.AccountId) is { MeasuredPosts: >= StudyRankings.MinPosts } f
                    ? ((double)f.RepostsReceived / f.MeasuredPosts, f.MeasuredPosts) : null),
            BestConnected(rows, inputs.Mentions),
            Languages(rows, inputs.Languages),
            ReportBuilders.BuildDormant(rows, new ReportRequest(ReportKind.Dormant, window, ReportFormat.Json)),
            Adoption(rows, facts, window),
            Methods(inputs, facts));
    }

    /// <summary>Tracked accounts mentioning the account (in-degree in the mentions network), once an <see cref="IMentionsQueries"/> gives them.</summary>
    private static MentionsSection BestConnected(IReadOnlyList<AccountActivity> rows, IReadOnlyList<MentionCount>? mentions)
    {
        if (mentions is null)
        {
            return new MentionsSection(false, MentionsMissing, [], [], []);
        }

        var inDegree = mentions.Where(m => m.Mentions > 0 && m.FromAccountId != m.ToAccountId)
            .GroupBy(m => m.ToAccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.FromAccountId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var ranking = StudyRankings.Rank("mentionedBy", StudyDefinitions.Meaning("mentionedBy"), "accounts mentioned by another tracked account",
            rows, r => inDegree.TryGetValue(r.AccountId, out var n) ? (n, r.Posts) : null);
        return new MentionsSection(true, ranking.Definition, ranking.Overall, ranking.ByPlatform, ranking.ByActor);
    }

    private static LanguageSection Languages(IReadOnlyList<AccountActivity> rows, IReadOnlyList<LanguageCount> counts)
    {
        var countryOf = rows.ToDictionary(r => r.AccountId, r => r.Country, StringComparer.Ordinal);
        // The same reduction and denominator as `report languages` (LanguageReportBuilder), so the two agree.
        var known = counts.Select(c => (c.AccountId, Language: Monitor.Core.Languages.LanguageTags.Primary(c.Language), c.Posts))
            .Where(c => c.Language is not null).ToArray();
        var withLanguage = known.Sum(c => c.Posts);
        var languages = known.GroupBy(c => c.Language!, StringComparer.Ordinal)
            .Select(g => new LanguageUse(g.Key, g.Sum(c => c.Posts), (double)g.Sum(c => c.Posts) / withLanguage,
                g.Select(c => c.AccountId).Distinct(StringComparer.Ordinal).Count(),
                g.Select(c => countryOf.GetValueOrDefault(c.AccountId)).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(l => l.Posts).ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToArray();
        var all = counts.Sum(c => c.Posts);
        return new LanguageSection(all, all - withLanguage, languages);
    }

    private static AdoptionSeries[] Adoption(IReadOnlyList<AccountActivity> rows, Dictionary<string, AccountStudyFacts> facts, ActivityWindow window) =>
        rows.GroupBy(r => r.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var dated = g.Select(r => (r.Country, Date: AdoptionDate(facts.GetValueOrDefault(r.AccountId), window)))
                .Where(x => x.Date is not null).Select(x => (x.Country, Year: x.Date!.Value.At.UtcDateTime.Year, x.Date.Value.Created)).ToArray();
            var years = dated.Length == 0 ? [] : Enumerable.Range(dated.Min(x => x.Year), window.To.Year - dated.Min(x => x.Year) + 1)
                .Select(y => new AdoptionPoint(y,
                    dated.Count(x => x.Year == y),
                    dated.Count(x => x.Year == y && x.Created),
                    dated.Count(x => x.Year == y && !x.Created),
                    dated.Count(x => x.Year <= y),
                    dated.Where(x => x.Year <= y).Select(x => x.Country).Distinct(StringComparer.Ordinal).Count()))
                .ToArray();
            return new AdoptionSeries(g.Key, years, g.Count() - dated.Length);
        }).ToArray();

    /// <summary>
    /// The platform's creation date when it gives one before the window's end ("created"), else the oldest stored post
    /// before the window's end ("on or before"); null when neither.
    /// </summary>
    private static (DateTimeOffset At, bool Created)? AdoptionDate(AccountStudyFacts? facts, ActivityWindow window) =>
        facts?.PlatformCreatedAt is { } created && created < window.End ? (created, true)
        : facts?.FirstPostAt is { } first ? (first, false)
        : null;

    private static StudyMethods Methods(StudyInputs inputs, Dictionary<string, AccountStudyFacts> facts)
    {
        var rows = inputs.Activity;
        return new StudyMethods(
            rows.Count,
            rows.GroupBy(r => r.Platform).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new PlatformCoverage(g.Key, g.Count(), g.Select(r => r.Country).Distinct(StringComparer.Ordinal).Count())).ToArray(),
            rows.Select(r => r.Country).Distinct(StringComparer.Ordinal).Count(),
            inputs.Presence.Tracked,
            facts.Values.Sum(f => f.Polls),
            facts.Values.Sum(f => f.SuccessfulPolls),
            rows.Sum(r => r.Posts),
            rows.Sum(r => r.EstimatedMissed ?? 0),
            rows.Count(r => r.EstimatedMissed is not null),
            rows.Where(r => inputs.LastStatus.GetValueOrDefault(r.AccountId) is { } s && Trouble.Contains(s))
                .Select(r => new TroubledSource(r.AccountId, r.Platform, r.Country, inputs.LastStatus[r.AccountId]!.Value.ToWireName())).ToArray(),
            StudyDefinitions.All);
    }
}
