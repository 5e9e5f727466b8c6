using System.Text.Json;

namespace Monitor.Core.Adapters.Feeds.Json;

/// <summary>A JSON Feed document (https://www.jsonfeed.org/version/1.1/), the fields Monitor reads.</summary>
internal sealed record JsonFeedDocument(
    string? Version,
    string? Title,
    string? Language,
    IReadOnlyList<JsonFeedAuthor>? Authors,
    JsonFeedAuthor? Author,
    IReadOnlyList<JsonFeedItem>? Items);

/// <summary>
/// One item of a JSON Feed. <c>id</c> is a string by the spec, but numbers are seen in the wild and accepted;
/// <c>author</c> is JSON Feed 1.0's single author, deprecated by 1.1's <c>authors</c>.
/// </summary>
internal sealed record JsonFeedItem(
    JsonElement? Id,
    string? Url,
    string? ExternalUrl,
    string? Title,
    string? ContentHtml,
    string? ContentText,
    string? Summary,
    string? DatePublished,
    string? DateModified,
    IReadOnlyList<JsonFeedAuthor>? Authors,
    JsonFeedAuthor? Author,
    string? Language,
    string? Image = null,
    IReadOnlyList<JsonFeedAttachment>? Attachments = null);

/// <summary>An item's attachment (podcast audio, video, document): only its <c>url</c> is read.</summary>
internal sealed record JsonFeedAttachment(string? Url);

internal sealed record JsonFeedAuthor(string? Name, string? Url);
