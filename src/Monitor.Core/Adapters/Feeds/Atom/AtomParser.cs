using System.Xml;

namespace Monitor.Core.Adapters.Feeds.Atom;

/// <summary>
/// Reads Atom 1.0 (RFC 4287) and the Atom 0.3 draft older CMSs still serve (<c>http://purl.org/atom/ns#</c>)
/// into the same model, straight off the <see cref="XmlReader"/>: nothing is materialised but the fields kept.
/// </summary>
internal static class AtomParser
{
    public static ParsedFeed Parse(byte[] body, int maxEntries, Uri? documentUrl = null) =>
        FeedXml.Parse(body, FeedFormat.Atom, (reader, state) => Read(reader, state, maxEntries, documentUrl));

    /// <summary>Reads an Atom document into <paramref name="state"/>, from the root element on.</summary>
    public static void Read(XmlReader reader, FeedReadState state, int maxEntries, Uri? documentUrl)
    {
        reader.MoveToContent();
        var ns = reader.NamespaceURI;
        var names = new AtomNames(reader.NameTable);
        var feedBase = XmlBase.Resolve(documentUrl, AtomAttributes.Read(reader, names).Base);
        state.Language = string.IsNullOrWhiteSpace(reader.XmlLang) ? null : reader.XmlLang.Trim();
        if (reader.IsEmptyElement)
        {
            return;
        }

        string? feedAuthor = null;
        reader.Read();
        while (reader.Depth > 0 && state.Entries.Count < maxEntries)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.NamespaceURI == ns && reader.LocalName == "entry")
            {
                state.Entries.Add(AtomEntryReader.Read(reader, ns, names, feedBase, feedAuthor));
            }
            else if (reader.NamespaceURI == ns && reader.LocalName == "author")
            {
                feedAuthor = AtomEntryReader.ReadPersonName(reader, ns) ?? feedAuthor;
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
