using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Monitor.Core.Export;

namespace Monitor.Core.Search;

/// <summary>
/// Writes search hits: JSON Lines carry the post's export fields (<see cref="RecordExporter"/>) plus <c>snippet</c> and
/// <c>highlights</c> (<c>[[start, length], …]</c>); CSV has the identifying columns, the snippet and the highlights as
/// <c>start:length</c> pairs separated by <c>;</c>, text cells guarded like every export.
/// </summary>
public static class SearchHitWriter
{
    public static readonly string[] CsvFields = ["publishedAt", "platform", "accountId", "postId", "url", "kind", "language", "snippet", "highlights"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteJsonLinesAsync(IEnumerable<SearchHit> hits, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var hit in hits)
        {
            await output.WriteLineAsync(ToJson(hit).ToJsonString(Relaxed).AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>One hit as a JSON object (also what <c>/api/search</c> lists).</summary>
    public static JsonObject ToJson(SearchHit hit)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        RecordExporter.WritePostsAsync(One(hit), ExportFormat.JsonLines, line, CancellationToken.None).GetAwaiter().GetResult();
        var json = JsonNode.Parse(line.ToString())!.AsObject();
        json["snippet"] = hit.Snippet;
        json["highlights"] = new JsonArray(hit.Highlights.Select(h => (JsonNode)new JsonArray(h.Start, h.Length)).ToArray());
        return json;
    }

    public static async Task WriteCsvAsync(IEnumerable<SearchHit> hits, TextWriter output, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in CsvFields)
        {
            csv.WriteField(name);
        }

        await csv.NextRecordAsync();
        foreach (var hit in hits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var post = hit.Post;
            string?[] values =
            [
                RecordExporter.Iso(post.Post.PublishedAt), post.Platform, post.AccountId, post.Post.PostId, post.Post.Url,
                Posts.PostKindNames.ToWireName(post.Post.Kind), post.Post.Language, hit.Snippet,
                string.Join(';', hit.Highlights.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Start}:{h.Length}"))),
            ];
            foreach (var value in values)
            {
                csv.WriteField(CsvFormulaGuard.Escape(value));
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static async IAsyncEnumerable<Posts.StoredPost> One(SearchHit hit)
    {
        await Task.CompletedTask;
        yield return hit.Post;
    }
}
