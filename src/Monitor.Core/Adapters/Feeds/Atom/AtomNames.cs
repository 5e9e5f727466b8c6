using System.Xml;

namespace Monitor.Core.Adapters.Feeds.Atom;

/// <summary>
/// The attribute names Atom reads, atomised in the reader's own <see cref="XmlNameTable"/> so that an attribute's name
/// is compared by reference (the documented <see cref="XmlReader"/> idiom) instead of being hashed for every
/// <see cref="XmlReader.GetAttribute(string)"/>. One per document: a name table is not thread-safe.
/// </summary>
internal sealed class AtomNames
{
    public AtomNames(XmlNameTable table)
    {
        Href = table.Add("href");
        Rel = table.Add("rel");
        Type = table.Add("type");
        Src = table.Add("src");
        Mode = table.Add("mode");
        Url = table.Add("url");
        Base = table.Add("base");
        XmlNamespace = table.Add(FeedXml.XmlNamespace);
    }

    public string Href { get; }

    public string Rel { get; }

    public string Type { get; }

    public string Src { get; }

    public string Mode { get; }

    public string Url { get; }

    public string Base { get; }

    public string XmlNamespace { get; }
}
