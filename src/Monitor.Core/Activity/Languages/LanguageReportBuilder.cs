using Monitor.Core.Accounts;
using Monitor.Core.Activity.Study;
using Monitor.Core.Languages;

namespace Monitor.Core.Activity.Languages;

/// <summary>Builds <see cref="LanguageReport"/> from the store's posts per account and stored language.</summary>
public static class LanguageReportBuilder
{
    /// <param name="window">The report's window.</param>
    /// <param name="accounts">The enabled accounts, already narrowed to the requested platform and actor type.</param>
    /// <param name="counts">Posts per account and stored language (<see cref="IStudyQueries.QueryLanguagesAsync"/>); other accounts' rows are ignored.</param>
    /// <param name="per">The grouping of <see cref="LanguageReport.Groups"/>.</param>
    public static LanguageReport Build(ActivityWindow window, IReadOnlyList<TrackedAccount> accounts, IReadOnlyList<LanguageCount> counts, LanguageGrouping per)
    {
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var rows = counts
            .Where(c => byId.ContainsKey(c.AccountId) && c.Posts > 0)
            .Select(c => (Account: byId[c.AccountId], Language: LanguageTags.Primary(c.Language), c.Posts))
            .ToArray();
        var groups = per == LanguageGrouping.Country
            ? rows.GroupBy(r => r.Account.Country, StringComparer.Ordinal)
                .Select(g => Group(g.Key, null, g.Key, g.ToArray()))
            : rows.GroupBy(r => r.Account.Id, StringComparer.Ordinal)
                .Select(g => Group(g.Key, g.First().Account.Platform, g.First().Account.Country, g.ToArray()));
        return new LanguageReport(window, per == LanguageGrouping.Country ? "country" : "account", Group("all", null, null, rows),
            [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal)]);
    }

    private static LanguageGroup Group(string key, string? platform, string? country, (TrackedAccount Account, string? Language, long Posts)[] rows)
    {
        var known = rows.Where(r => r.Language is not null).Sum(r => r.Posts);
        var unknown = rows.Where(r => r.Language is null).Sum(r => r.Posts);
        var languages = rows.Where(r => r.Language is not null)
            .GroupBy(r => r.Language!, StringComparer.Ordinal)
            .Select(g => new LanguageShare(g.Key, g.Sum(r => r.Posts), (double)g.Sum(r => r.Posts) / known))
            .OrderByDescending(l => l.Posts).ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToArray();
        var accounts = rows.Select(r => r.Account.Id).Distinct(StringComparer.Ordinal).Count();
        return new LanguageGroup(key, platform, country, accounts, known + unknown, known, unknown, languages);
    }
}
