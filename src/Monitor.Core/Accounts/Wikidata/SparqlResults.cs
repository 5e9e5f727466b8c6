using System.Text.Json.Serialization;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// SPARQL 1.1 Query Results JSON Format (<c>application/sparql-results+json</c>): <c>head.vars</c> and
/// <c>results.bindings</c>, each binding a map from variable name to an RDF term.
/// </summary>
internal sealed record SparqlResults(
    [property: JsonPropertyName("head")] SparqlHead? Head,
    [property: JsonPropertyName("results")] SparqlBindings? Results);

internal sealed record SparqlHead([property: JsonPropertyName("vars")] IReadOnlyList<string>? Vars);

internal sealed record SparqlBindings(
    [property: JsonPropertyName("bindings")] IReadOnlyList<Dictionary<string, SparqlTerm>>? Bindings);

/// <summary>An RDF term: <c>type</c> is <c>uri</c>, <c>literal</c> or <c>bnode</c>; literals may carry a language or datatype.</summary>
internal sealed record SparqlTerm(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("xml:lang")] string? Language = null,
    [property: JsonPropertyName("datatype")] string? Datatype = null);

[JsonSerializable(typeof(SparqlResults))]
internal sealed partial class SparqlJsonContext : JsonSerializerContext;
