using System.Text;
using System.Xml;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Reads an element's content straight off the <see cref="XmlReader"/>, leaving the reader past its end.</summary>
internal static class XmlContent
{
    /// <summary>The element's text with the markup of any child elements dropped, like <c>XElement.Value</c>.</summary>
    public static string ReadValue(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (first is null) first = reader.Value;
                else (more ??= new StringBuilder(first)).Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        return more?.ToString() ?? first ?? string.Empty;
    }

    /// <summary>Trimmed <see cref="ReadValue"/>, or null when blank.</summary>
    public static string? ReadTrimmed(XmlReader reader) => ReadValue(reader).Trim() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The element's children as markup; when its only element child is an XHTML <c>div</c> (Atom's <c>xhtml</c>
    /// text construct, RFC 4287 §3.1.1.3), the div's children instead.
    /// </summary>
    public static string ReadMarkup(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        var markup = new StringBuilder();
        string? divContent = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                {
                    markup.Append(System.Net.WebUtility.HtmlEncode(reader.Value));
                }

                reader.Read();
            }
            else if (divContent is null && markup.Length == 0 && reader.LocalName == "div" && reader.NamespaceURI == FeedXml.XhtmlNamespace)
            {
                divContent = reader.ReadInnerXml();
            }
            else
            {
                markup.Append(reader.ReadOuterXml());
            }
        }

        reader.Read();
        return divContent + markup;
    }
}
