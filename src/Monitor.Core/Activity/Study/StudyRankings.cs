using Monitor.Core.Accounts;
using Monitor.Core.Reference;

namespace Monitor.Core.Activity.Study;

/// <summary>Ranks accounts by one figure: overall, per platform and per actor type, highest first, ties by account id.</summary>
internal static class StudyRankings
{
    /// <summary>Accounts per ranking (overall and in each group).</summary>
    public const int Top = 10;

    /// <summary>Posts an account needs in the window before its shares and ratios are ranked.</summary>
    public const int MinPosts = 5;

    public static StudyRanking Rank(
        string metric, string definition, string eligibility, IEnumerable<AccountActivity> rows, Func<AccountActivity, (double Value, long Posts)?> figure)
    {
        var ranked = rows
            .Select(r => (Row: r, Figure: figure(r)))
            .Where(x => x.Figure is not null)
            .Select(x => (x.Row, Value: x.Figure!.Value.Value, Posts: x.Figure!.Value.Posts))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Row.AccountId, StringComparer.Ordinal)
            .ToArray();
        return new StudyRanking(metric, definition, eligibility,
            Take(ranked),
            ranked.GroupBy(x => x.Row.Platform).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RankingGroup(g.Key, Take(g))).ToArray(),
            ranked.GroupBy(x => Enum.Parse<ActorType>(x.Row.Actor)).OrderBy(g => g.Key)
                .Select(g => new RankingGroup(g.Key.ToString(), Take(g))).ToArray());
    }

    private static RankedAccount[] Take(IEnumerable<(AccountActivity Row, double Value, long Posts)> ranked) =>
        ranked.Take(Top).Select((x, i) => new RankedAccount(i + 1, x.Row.AccountId, x.Row.Platform, x.Row.Country,
            UnStates.Find(x.Row.Country)?.Name ?? x.Row.Country, x.Row.Actor, x.Row.Name, x.Value, x.Posts)).ToArray();
}
