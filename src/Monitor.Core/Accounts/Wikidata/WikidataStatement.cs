namespace Monitor.Core.Accounts.Wikidata;

/// <summary>One account statement as the query returned it.</summary>
/// <param name="Qid">The item (<c>Q…</c>).</param>
/// <param name="Label">The item's label, null when it has none.</param>
/// <param name="Country">The alpha-3 code the item was matched through.</param>
/// <param name="Actor">The actor type of the query.</param>
/// <param name="Platform">Platform key.</param>
/// <param name="Value">The property's value as written in Wikidata.</param>
/// <param name="Rank">The statement's rank.</param>
/// <param name="XUserId">For X, the numeric user id qualifier, if any.</param>
/// <param name="OfficeRank">For office holders, the rank of the statement that makes the item a holder (P35, P6, P39).</param>
internal sealed record WikidataStatement(
    string Qid, string? Label, string Country, ActorType Actor, string Platform, string Value, WikidataRank Rank, string? XUserId,
    WikidataRank? OfficeRank = null);

/// <summary>Wikibase statement ranks.</summary>
internal enum WikidataRank
{
    Deprecated,
    Normal,
    Preferred,
}
