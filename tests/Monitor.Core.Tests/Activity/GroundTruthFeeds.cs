using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// A feed as a publisher serves it: the newest <see cref="GroundTruthHistory.FeedWindow"/> items, newest first, as
/// JSON Feed 1.1 (<c>.json</c>) or RSS 2.0, with an ETag that changes when an item is published (a 304 otherwise).
/// </summary>
internal static class GroundTruthFeeds
{
    public static async Task WriteAsync(HttpContext context, TrackedAccount account, IReadOnlyList<TruePost> published)
    {
        var etag = $"\"{account.Id}-{published.Count}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var items = published.TakeLast(GroundTruthHistory.FeedWindow).Reverse().ToList();
        if (account.Handle.EndsWith(".json", StringComparison.Ordinal))
        {
            await GroundTruthServer.RespondAsync(context, StatusCodes.Status200OK, "application/feed+json", json => WriteJsonFeed(json, account, items));
            return;
        }

        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.Body.WriteAsync(Rss(account, items), context.RequestAborted);
    }

    // https://www.jsonfeed.org/version/1.1/
    private static void WriteJsonFeed(System.Text.Json.Utf8JsonWriter json, TrackedAccount account, List<TruePost> items)
    {
        json.WriteStartObject();
        json.WriteString("version", "https://jsonfeed.org/version/1.1");
        json.WriteString("title", account.Name ?? account.Id);
        json.WriteStartArray("items");
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("id", item.PostId);
            json.WriteString("title", "Statement " + item.PostId);
            json.WriteString("content_text", $"Text of {item.PostId}.");
            json.WriteString("date_published", item.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // https://www.rssboard.org/rss-specification: pubDate in RFC 822 form, guid not a permalink.
    private static byte[] Rss(TrackedAccount account, List<TruePost> items)
    {
        using var body = new MemoryStream();
        using (var xml = XmlWriter.Create(body, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", account.Name ?? account.Id);
            xml.WriteElementString("description", "Press releases");
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", "Statement " + item.PostId);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(item.PostId);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", item.PublishedAt.ToString("r", CultureInfo.InvariantCulture));
                xml.WriteElementString("description", $"Text of {item.PostId}.");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return body.ToArray();
    }
}
