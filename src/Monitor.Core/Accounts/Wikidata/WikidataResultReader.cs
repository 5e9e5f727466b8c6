using System.Text.RegularExpressions;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>Turns the query's result bindings into statements; a binding missing a needed term is reported, not guessed at.</summary>
internal static partial class WikidataResultReader
{
    private const string EntityPrefix = "http://www.wikidata.org/entity/";
    private const string RankPrefix = "http://wikiba.se/ontology#";

    public static IReadOnlyList<WikidataStatement> Read(WikidataQuery query, SparqlResults results, ICollection<string> problems)
    {
        var statements = new List<WikidataStatement>();
        foreach (var binding in results.Results?.Bindings ?? [])
        {
            string? Term(string name) => binding.TryGetValue(name, out var term) && !string.IsNullOrWhiteSpace(term.Value) ? term.Value.Trim() : null;

            var item = Term("item");
            var qid = item is not null && item.StartsWith(EntityPrefix, StringComparison.Ordinal) ? item[EntityPrefix.Length..] : null;
            var country = Term("iso3")?.ToUpperInvariant();
            var platform = Term("platform");
            var value = Term("value");
            var rank = ParseRank(Term("rank"));
            var officeRank = ParseRank(Term("officeRank"));
            if (qid is null || !QidPattern().IsMatch(qid) || country is null || !query.Countries.Contains(country)
                || platform is null || value is null || rank is null || (Term("officeRank") is not null && officeRank is null))
            {
                problems.Add($"{query.Describe()}: a result row lacks item, iso3, platform, value or rank ({Summarize(binding)}); skipped.");
                continue;
            }

            var label = Term("itemLabel");
            statements.Add(new WikidataStatement(qid, label == qid ? null : label, country, query.Actor, platform, value, rank.Value, Term("xid"), officeRank));
        }

        return statements;
    }

    private static WikidataRank? ParseRank(string? uri) => uri switch
    {
        RankPrefix + "PreferredRank" => WikidataRank.Preferred,
        RankPrefix + "NormalRank" => WikidataRank.Normal,
        RankPrefix + "DeprecatedRank" => WikidataRank.Deprecated,
        _ => null,
    };

    private static string Summarize(Dictionary<string, SparqlTerm> binding) =>
        string.Join(", ", binding.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}={b.Value.Value}"));

    [GeneratedRegex("^Q[1-9][0-9]*$")]
    private static partial Regex QidPattern();
}
