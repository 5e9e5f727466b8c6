using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Monitor.Testing;

/// <summary>
/// A SPARQL endpoint on 127.0.0.1 answering the import's queries with recorded results: the actor named on the query's
/// first line (<c># Monitor accounts import: HeadOfState, FRA GBR</c>) picks <c>Wikidata/results-&lt;Actor&gt;.json</c>.
/// Received queries are kept for assertions.
/// </summary>
public sealed class WikidataFixtureServer : IAsyncDisposable
{
    private WikidataFixtureServer(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>The SPARQL text of every query received, in order.</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>The endpoint URL to put in <c>Monitor:Wikidata:Endpoint</c>.</summary>
    public string Endpoint => Server.Url("/sparql");

    /// <param name="respond">Optional override: return true after writing a response to answer a query differently.</param>
    public static async Task<WikidataFixtureServer> StartAsync(Func<HttpContext, string, Task<bool>>? respond = null)
    {
        WikidataFixtureServer? fixture = null;
        var server = await LoopbackServer.StartAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var query = form["query"].ToString();
            fixture!.Queries.Enqueue(query);
            if (respond is not null && await respond(context, query))
            {
                return;
            }

            var actor = query.Split('\n')[0].Split(':', 2)[1].Split(',')[0].Trim();
            context.Response.ContentType = "application/sparql-results+json;charset=utf-8";
            await context.Response.Body.WriteAsync(Fixtures.ReadBytes($"Wikidata/results-{actor}.json"), context.RequestAborted);
        });
        fixture = new WikidataFixtureServer(server);
        return fixture;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
