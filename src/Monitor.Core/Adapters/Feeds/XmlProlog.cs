namespace Monitor.Core.Adapters.Feeds;

/// <summary>What the start of an XML body declares, read from the bytes without an XML parser.</summary>
internal static class XmlProlog
{
    private const int HeadLength = 64 * 1024;

    /// <summary>
    /// True when a <c>&lt;!DOCTYPE</c> has an internal subset (<c>[ … ]</c>), where entities are declared. A DOCTYPE
    /// that only names an external DTD (RSS 0.91's Netscape one) has none.
    /// </summary>
    public static bool HasInternalSubset(byte[] body)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, HeadLength));
        var start = head.IndexOf("<!DOCTYPE"u8);
        if (start < 0)
        {
            return false;
        }

        byte quote = 0;
        foreach (var b in head[(start + 9)..])
        {
            if (quote != 0)
            {
                quote = b == quote ? (byte)0 : quote;
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == '[')
            {
                return true;
            }
            else if (b == '>')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the first element of the body is <c>&lt;html&gt;</c> or it declares <c>&lt;!DOCTYPE html</c>: an
    /// HTML page (an error page, a login wall, the site's home page) rather than a feed.
    /// </summary>
    public static bool LooksLikeHtml(byte[] body)
    {
        var head = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096));
        if (head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var at = head.IndexOf('<', StringComparison.Ordinal); at >= 0 && at < head.Length - 1; at = head.IndexOf('<', at + 1))
        {
            if (head[at + 1] is not ('!' or '?'))
            {
                return head.AsSpan(at + 1).StartsWith("html", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
