using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>Runs an import: plans the queries, sends them one at a time (the service asks clients not to run queries in parallel), maps the answers.</summary>
public sealed class WikidataImporter(
    IHttpClientFactory httpClients,
    IOptions<WikidataOptions> options,
    AdapterRegistry adapters,
    TimeProvider time,
    ILogger<WikidataImporter> logger)
{
    public const string HttpClientName = "monitor-wikidata";

    /// <summary>Queries Wikidata; all or nothing: a query that fails after the pipeline's retries fails the import.</summary>
    /// <exception cref="WikidataQueryException">A query failed or its answer was not SPARQL JSON results.</exception>
    public async Task<WikidataImportResult> ImportAsync(WikidataImportRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Contact))
        {
            throw new InvalidOperationException($"{WikidataOptions.SectionPath}:Contact is not set.");
        }

        var queries = WikidataQueryBuilder.Plan(request.Actors, request.Countries, request.Platforms, settings.CountriesPerQuery);
        var client = new SparqlClient(httpClients.CreateClient(HttpClientName), settings, time);
        var problems = new List<string>();
        var statements = new List<WikidataStatement>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var results = await client.QueryAsync(query, cancellationToken);
            var read = WikidataResultReader.Read(query, results, problems);
            Log.WikidataQueryAnswered(logger, query.Describe(), read.Count, Stopwatch.GetElapsedTime(started));
            statements.AddRange(read);
        }

        var rows = WikidataAccountMapper.ToRows(statements, adapters, problems);
        foreach (var problem in problems)
        {
            Log.WikidataStatementSkipped(logger, problem);
        }

        return new WikidataImportResult(rows, problems, queries.Count, request.Countries.Distinct().Order(StringComparer.Ordinal).ToArray());
    }
}
