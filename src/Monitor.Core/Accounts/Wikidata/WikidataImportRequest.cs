namespace Monitor.Core.Accounts.Wikidata;

/// <summary>What to import: actor types, countries (alpha-3) and platforms.</summary>
public sealed record WikidataImportRequest(IReadOnlyList<ActorType> Actors, IReadOnlyList<string> Countries, IReadOnlyList<string> Platforms);

/// <summary>What an import found.</summary>
/// <param name="Rows">Account rows, sorted by country, actor, item and platform.</param>
/// <param name="Problems">Statements skipped and why (an invalid handle, a malformed result row).</param>
/// <param name="Queries">How many queries were sent.</param>
/// <param name="CountriesRequested">The countries asked for.</param>
public sealed record WikidataImportResult(
    IReadOnlyList<AccountCsvRow> Rows, IReadOnlyList<string> Problems, int Queries, IReadOnlyList<string> CountriesRequested);
