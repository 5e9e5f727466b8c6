using System.Net;
using Monitor.Core.Adapters;
using Monitor.Core.Http;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// Sends a query to the SPARQL endpoint (SPARQL 1.1 Protocol: POST of <c>application/x-www-form-urlencoded</c>
/// <c>query=</c>, so long queries fit) and reads the JSON results. Retries, including <c>Retry-After</c> on 429 and
/// 503, happen in the HttpClient's Polly pipeline.
/// </summary>
internal sealed class SparqlClient(HttpClient http, WikidataOptions options, TimeProvider time)
{
    public const string ResultsMediaType = "application/sparql-results+json";

    public async Task<SparqlResults> QueryAsync(WikidataQuery query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("query", query.Sparql)]),
        };
        request.Headers.Accept.ParseAdd(ResultsMediaType);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            || ex.GetType().Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true)
        {
            throw new WikidataQueryException($"Wikidata query {query.Describe()} failed: {ex.Message.TrimEnd('.')}.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new WikidataQueryException($"Wikidata query {query.Describe()} failed: {Describe(response)}.");
            }

            try
            {
                var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
                var results = JsonPayload.Parse(body, SparqlJsonContext.Default.SparqlResults, $"Wikidata query {query.Describe()}");
                return results.Results?.Bindings is null
                    ? throw new PayloadFormatException($"Wikidata query {query.Describe()} returned JSON without results.bindings.")
                    : results;
            }
            catch (PayloadFormatException ex)
            {
                throw new WikidataQueryException(ex.Message, ex);
            }
        }
    }

    private string Describe(HttpResponseMessage response)
    {
        var text = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            && RetryAfterHeader.ReadRetryAfter(response.Headers, time.GetUtcNow()) is { } until)
        {
            text += $"; the service asks to wait until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        }

        return text;
    }
}
