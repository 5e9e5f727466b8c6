using System.Xml;

namespace Monitor.Core.Adapters.Feeds.Atom;

/// <summary>
/// The attributes of one element that Atom reads, taken in a single pass over its attributes (most elements of a feed
/// have none, and then nothing is looked up at all). Each is the first occurrence, as
/// <see cref="XmlReader.GetAttribute(string)"/> would return it; unprefixed names only, apart from <c>xml:base</c>.
/// </summary>
internal readonly record struct AtomAttributes(string? Href, string? Rel, string? Type, string? Src, string? Mode, string? Url, string? Base)
{
    /// <summary>Reads the attributes of the element the reader is on, leaving the reader on that element.</summary>
    public static AtomAttributes Read(XmlReader reader, AtomNames names)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return default;
        }

        string? href = null, rel = null, type = null, src = null, mode = null, url = null, xmlBase = null;
        do
        {
            var name = reader.LocalName;
            var ns = reader.NamespaceURI;
            if (ns.Length == 0)
            {
                if ((object)name == names.Href) href ??= reader.Value;
                else if ((object)name == names.Rel) rel ??= reader.Value;
                else if ((object)name == names.Type) type ??= reader.Value;
                else if ((object)name == names.Src) src ??= reader.Value;
                else if ((object)name == names.Mode) mode ??= reader.Value;
                else if ((object)name == names.Url) url ??= reader.Value;
            }
            else if ((object)ns == names.XmlNamespace && (object)name == names.Base)
            {
                xmlBase ??= reader.Value;
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        return new AtomAttributes(href, rel, type, src, mode, url, xmlBase);
    }
}
