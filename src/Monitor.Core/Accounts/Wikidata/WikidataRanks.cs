namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// Wikidata's rank rule, as its "truthy" statements apply it: deprecated statements are ignored, and where there are
/// preferred statements for a property only those count; otherwise the normal ones do. It applies twice: to the office
/// (a country's holders of one office, by the rank of the P35/P6/P39 statement) and to each holder's accounts per platform.
/// </summary>
internal static class WikidataRanks
{
    public static IEnumerable<WikidataStatement> SelectBest(IEnumerable<WikidataStatement> statements) =>
        statements
            .Where(s => s.Rank != WikidataRank.Deprecated && s.OfficeRank != WikidataRank.Deprecated)
            .GroupBy(s => (s.Country, s.Actor))
            .SelectMany(office =>
            {
                var best = office.Max(s => s.OfficeRank);
                return office.Where(s => s.OfficeRank == best);
            })
            .GroupBy(s => (s.Qid, s.Platform))
            .SelectMany(group =>
            {
                var best = group.Max(s => s.Rank);
                return group.Where(s => s.Rank == best);
            });
}
