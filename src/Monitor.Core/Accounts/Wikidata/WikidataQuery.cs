namespace Monitor.Core.Accounts.Wikidata;

/// <summary>One SPARQL query of an import: an actor type over a batch of countries.</summary>
/// <param name="Actor">The actor type the query selects.</param>
/// <param name="Countries">ISO 3166-1 alpha-3 codes, upper case, sorted.</param>
/// <param name="Sparql">The query text.</param>
internal sealed record WikidataQuery(ActorType Actor, IReadOnlyList<string> Countries, string Sparql)
{
    /// <summary>How the query is named in messages: <c>ForeignMinistry (FRA, GBR)</c>.</summary>
    public string Describe() => Countries.Count <= 5
        ? $"{Actor} ({string.Join(", ", Countries)})"
        : $"{Actor} ({Countries[0]} … {Countries[^1]}, {Countries.Count} countries)";
}
