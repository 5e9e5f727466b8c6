using System.Net.Http.Headers;
using Monitor.Core.Adapters;

namespace Monitor.Core.Http;

/// <summary>Conditional GET (RFC 9110 §13): validators sent from the cursor, and read back from the response.</summary>
public static class ConditionalRequest
{
    /// <summary>Adds <c>If-None-Match</c> and <c>If-Modified-Since</c> from the stored validators.</summary>
    public static void AddValidators(HttpRequestMessage request, PollCursor cursor)
    {
        if (!string.IsNullOrEmpty(cursor.ETag) && EntityTagHeaderValue.TryParse(cursor.ETag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (!string.IsNullOrEmpty(cursor.LastModified))
        {
            // Echo the server's own value rather than re-formatting a parsed date.
            request.Headers.TryAddWithoutValidation("If-Modified-Since", cursor.LastModified);
        }
    }

    /// <summary>The cursor updated with the response's validators (kept when the response has none).</summary>
    public static PollCursor ReadValidators(HttpResponseMessage response, PollCursor cursor)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;
        return cursor with { ETag = etag ?? cursor.ETag, LastModified = lastModified ?? cursor.LastModified };
    }
}
