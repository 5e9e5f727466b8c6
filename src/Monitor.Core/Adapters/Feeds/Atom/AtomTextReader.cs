using System.Text;
using System.Xml;

namespace Monitor.Core.Adapters.Feeds.Atom;

/// <summary>
/// Atom text constructs and content: RFC 4287 §3.1 and §4.1.3 for 1.0 (<c>text</c>, <c>html</c>, <c>xhtml</c>, a
/// MIME type: XML inline, <c>text/*</c> as text, anything else base64), and Atom 0.3's <c>mode</c> (<c>xml</c>,
/// <c>escaped</c>, <c>base64</c>) with a MIME <c>type</c>.
/// </summary>
internal static class AtomTextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the construct the reader is on and moves past it; null when empty or out of line (<c>src</c>).</summary>
    public static FeedText? Read(XmlReader reader, AtomNames names, bool atom03)
    {
        var attributes = AtomAttributes.Read(reader, names);
        var type = attributes.Type?.Trim().ToLowerInvariant();
        if (attributes.Src is not null)
        {
            // Out-of-line content has no text here; the summary stands in for it.
            reader.Skip();
            return null;
        }

        return atom03 ? Read03(reader, type ?? "text/plain", attributes.Mode?.Trim().ToLowerInvariant()) : Read10(reader, type);
    }

    private static FeedText? Read10(XmlReader reader, string? type) => type switch
    {
        null or "text" or "text/plain" => FeedText.Plain(XmlContent.ReadValue(reader)),
        "html" or "text/html" => FeedText.Html(XmlContent.ReadValue(reader)),
        "xhtml" => FeedText.Html(XmlContent.ReadMarkup(reader)),
        _ when IsXml(type) => FeedText.Html(XmlContent.ReadMarkup(reader)),
        _ when type.StartsWith("text/", StringComparison.Ordinal) => FeedText.Plain(XmlContent.ReadValue(reader)),
        _ => Decode(XmlContent.ReadValue(reader), type),
    };

    private static FeedText? Read03(XmlReader reader, string type, string? mode) => mode switch
    {
        "escaped" => IsHtml(type) ? FeedText.Html(XmlContent.ReadValue(reader)) : FeedText.Plain(XmlContent.ReadValue(reader)),
        "base64" => Decode(XmlContent.ReadValue(reader), type),
        _ => IsHtml(type) || IsXml(type) ? FeedText.Html(XmlContent.ReadMarkup(reader)) : FeedText.Plain(XmlContent.ReadValue(reader)),
    };

    // Base64 content is kept when it decodes to UTF-8 text: HTML for an (X)HTML or XML type, plain otherwise. Binary
    // content (an image, a PDF) is not text and is dropped; the summary stands in for it.
    private static FeedText? Decode(string value, string type)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(Convert.FromBase64String(value));
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return null;
        }

        if (text.AsSpan().ContainsAnyInRange('\0', '\b') || text.AsSpan().ContainsAnyInRange('\u000E', '\u001F'))
        {
            return null;
        }

        return IsHtml(type) || IsXml(type) ? FeedText.Html(text) : FeedText.Plain(text);
    }

    private static bool IsHtml(string type) => type.Contains("html", StringComparison.Ordinal);

    // RFC 4287 §4.1.3.3 rule 4: XML media types (RFC 3023) end in "/xml" or "+xml".
    private static bool IsXml(string type) => type.EndsWith("/xml", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal);
}
