using System.Text.Json;

namespace Monitor.Core.Adapters.Feeds.Json;

/// <summary>Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/).</summary>
internal static class JsonFeedParser
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static ParsedFeed Parse(byte[] body, int maxEntries)
    {
        JsonFeedDocument? document;
        try
        {
            // The serializer does not skip a UTF-8 byte-order mark in a span, and some servers send one.
            var json = body.AsSpan();
            document = JsonSerializer.Deserialize(json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json, JsonFeedContext.Default.JsonFeedDocument);
        }
        catch (JsonException ex)
        {
            throw new PayloadFormatException(
                $"Malformed JSON Feed at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
        }

        if (document?.Version is not { } version || !version.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new PayloadFormatException($"Not a feed: JSON without a \"version\" starting with {VersionPrefix}.");
        }

        var feedAuthor = Authors(document.Authors, document.Author);
        var entries = (document.Items ?? []).Take(maxEntries).Select(item => ReadItem(item, feedAuthor)).ToList();
        return new ParsedFeed(FeedFormat.Json, entries, Trimmed(document.Language));
    }

    private static FeedEntry ReadItem(JsonFeedItem item, string? feedAuthor) => new()
    {
        Id = item.Id is { } id ? IdText(id) : null,
        Link = Trimmed(item.Url) ?? Trimmed(item.ExternalUrl),
        Title = FeedText.Plain(item.Title),
        Content = FeedText.Html(item.ContentHtml) ?? FeedText.Plain(item.ContentText),
        Summary = FeedText.Plain(item.Summary),
        Published = item.DatePublished,
        Updated = item.DateModified,
        Author = Authors(item.Authors, item.Author) ?? feedAuthor,
        Language = Trimmed(item.Language),
        Media = [item.Image, .. item.Attachments?.Select(a => a?.Url) ?? []],
    };

    private static string? IdText(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => Trimmed(StringOf(id)),
        JsonValueKind.Number => id.GetRawText(),
        _ => null,
    };

    // A JsonElement keeps its raw bytes: invalid UTF-8 inside the string only surfaces when it is read.
    private static string? StringOf(JsonElement id)
    {
        try
        {
            return id.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new PayloadFormatException("Malformed JSON Feed: an item id is not valid UTF-8.", ex);
        }
    }

    private static string? Authors(IReadOnlyList<JsonFeedAuthor>? authors, JsonFeedAuthor? author)
    {
        var names = (authors ?? (author is null ? [] : [author])).Select(a => Trimmed(a.Name)).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
