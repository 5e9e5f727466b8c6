using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>One poll's view of the Graph API: authenticated GETs against the configured base URL, errors mapped.</summary>
internal sealed class FacebookGraphClient(HttpClient http, FacebookOptions options, TimeProvider time)
{
    /// <summary>
    /// GETs <paramref name="pathAndQuery"/> (relative to the base URL) and reads the body as <typeparamref name="T"/>.
    /// A Graph error comes back as <see cref="GraphResponse{T}.Failure"/>; an unreadable body throws <see cref="PayloadFormatException"/>.
    /// </summary>
    public async Task<GraphResponse<T>> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ResolvedBaseUrl + "/" + pathAndQuery));
        // RFC 6750 §2.1 header instead of the documented access_token query parameter (the Graph API accepts both;
        // restfb#1107): URLs end up in HttpClient logs, proxies and exception messages, headers do not.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        var error = FacebookErrors.TryRead(body);
        if (!response.IsSuccessStatusCode || error is not null)
        {
            return new GraphResponse<T>(null, FacebookErrors.ToResult(response, error, time.GetUtcNow(), options));
        }

        return new GraphResponse<T>(JsonPayload.Parse(body, type, $"Graph API ({type.Type.Name})"), null);
    }
}

/// <summary>Either the parsed value or the poll result a Graph error maps to.</summary>
internal readonly record struct GraphResponse<T>(T? Value, FetchResult? Failure) where T : class;
