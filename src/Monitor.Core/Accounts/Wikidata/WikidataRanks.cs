namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// Wikidata's rank rule, as its "truthy" statements apply it: deprecated statements are ignored, and when an item has
/// preferred statements for a property only those count; otherwise its normal ones do.
/// </summary>
internal static class WikidataRanks
{
    public static IEnumerable<WikidataStatement> SelectBest(IEnumerable<WikidataStatement> statements) =>
        statements
            .Where(s => s.Rank != WikidataRank.Deprecated)
            .GroupBy(s => (s.Qid, s.Platform))
            .SelectMany(group =>
            {
                var best = group.Max(s => s.Rank);
                return group.Where(s => s.Rank == best);
            });
}
