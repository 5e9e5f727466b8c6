using System.Net;
using System.Text;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Repairs the XML errors real feeds are full of, and only those: a bare <c>&amp;</c> becomes <c>&amp;amp;</c>, an
/// HTML named entity undeclared in XML (<c>&amp;nbsp;</c>) becomes its numeric reference, and control characters
/// XML 1.0 forbids (§2.2) are dropped. CDATA sections and comments are copied untouched (except for control
/// characters). Works on the bytes, so only for ASCII-compatible encodings (UTF-8, windows-125x, ISO-8859-x…);
/// a UTF-16 body is returned unrepaired.
/// </summary>
internal static class XmlRepair
{
    private const int MaxNameLength = 32;

    /// <summary>What one repair pass changed.</summary>
    public readonly record struct Counts(int BareAmpersands, int HtmlEntities, int ControlCharacters)
    {
        public int Total => BareAmpersands + HtmlEntities + ControlCharacters;

        /// <summary>E.g. <c>repaired: 3 bare ampersands, 1 HTML entity</c>.</summary>
        public override string ToString() => "repaired: " + Describe();

        /// <summary>E.g. <c>3 bare ampersands, 1 HTML entity</c>.</summary>
        public string Describe()
        {
            var parts = new List<string>(3);
            Add(parts, BareAmpersands, "bare ampersand");
            Add(parts, HtmlEntities, "HTML entity", "HTML entities");
            Add(parts, ControlCharacters, "control character");
            return string.Join(", ", parts);
        }

        private static void Add(List<string> parts, int count, string one, string? many = null)
        {
            if (count > 0)
            {
                parts.Add(FormattableString.Invariant($"{count} {(count == 1 ? one : many ?? one + "s")}"));
            }
        }
    }

    /// <summary>The repaired body and what changed; the body itself when nothing could or had to change.</summary>
    public static (byte[] Body, Counts Counts) Repair(byte[] body)
    {
        if (!IsAsciiCompatible(body))
        {
            return (body, default);
        }

        var output = new List<byte>(body.Length + 64);
        int amps = 0, entities = 0, controls = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (IsForbiddenControl(b))
            {
                controls++;
            }
            else if (b == '<' && body.AsSpan(i).StartsWith("<![CDATA["u8))
            {
                i = CopySection(body, i, "]]>"u8, output, ref controls);
            }
            else if (b == '<' && body.AsSpan(i).StartsWith("<!--"u8))
            {
                i = CopySection(body, i, "-->"u8, output, ref controls);
            }
            else if (b != '&')
            {
                output.Add(b);
            }
            else
            {
                var (kind, length, codePoint) = ReadReference(body, i);
                switch (kind)
                {
                    case ReferenceKind.Valid:
                        output.AddRange(body.AsSpan(i, length));
                        break;
                    case ReferenceKind.Bare:
                        amps++;
                        output.AddRange("&amp;"u8);
                        break;
                    case ReferenceKind.HtmlEntity:
                        entities++;
                        output.AddRange(Encoding.ASCII.GetBytes(FormattableString.Invariant($"&#{codePoint};")));
                        break;
                    case ReferenceKind.ForbiddenCharacter:
                        controls++;
                        break;
                }

                i += length - 1;
            }
        }

        var counts = new Counts(amps, entities, controls);
        return counts.Total == 0 ? (body, counts) : (output.ToArray(), counts);
    }

    private enum ReferenceKind
    {
        Valid,
        Bare,
        HtmlEntity,
        ForbiddenCharacter,
    }

    /// <summary>Classifies the '&amp;' at <paramref name="at"/>; length is what the repair consumes (1 for a bare one).</summary>
    private static (ReferenceKind Kind, int Length, int CodePoint) ReadReference(byte[] body, int at)
    {
        var end = at + 1;
        while (end < body.Length && end - at <= MaxNameLength + 1 && IsNameByte(body[end]))
        {
            end++;
        }

        if (end >= body.Length || body[end] != ';' || end == at + 1)
        {
            return (ReferenceKind.Bare, 1, 0);
        }

        var name = Encoding.ASCII.GetString(body, at + 1, end - at - 1);
        var length = end - at + 1;
        if (name[0] == '#')
        {
            return CharacterReference(name) switch
            {
                null => (ReferenceKind.Bare, 1, 0),
                var c when IsXmlChar(c.Value) => (ReferenceKind.Valid, length, 0),
                _ => (ReferenceKind.ForbiddenCharacter, length, 0),
            };
        }

        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return (ReferenceKind.Valid, length, 0);
        }

        // WebUtility knows the HTML 4 entity set; what it leaves alone is no entity at all.
        var decoded = WebUtility.HtmlDecode("&" + name + ";");
        return decoded.Length is 0 or > 2 || decoded[0] == '&'
            ? (ReferenceKind.Bare, 1, 0)
            : (ReferenceKind.HtmlEntity, length, char.ConvertToUtf32(decoded, 0));
    }

    private static int? CharacterReference(string name)
    {
        var hex = name.Length > 1 && name[1] is 'x' or 'X';
        var digits = name.AsSpan(hex ? 2 : 1);
        return int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static int CopySection(byte[] body, int start, ReadOnlySpan<byte> terminator, List<byte> output, ref int controls)
    {
        var close = body.AsSpan(start).IndexOf(terminator);
        var end = close < 0 ? body.Length : start + close + terminator.Length;
        foreach (var b in body.AsSpan(start, end - start))
        {
            if (IsForbiddenControl(b)) controls++;
            else output.Add(b);
        }

        return end - 1;
    }

    private static bool IsForbiddenControl(byte b) => b < 0x20 && b is not (0x09 or 0x0A or 0x0D);

    private static bool IsNameByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b == '#';

    // UTF-16 and UTF-32 put zero bytes beside ASCII characters; a byte-wise repair would corrupt them.
    private static bool IsAsciiCompatible(byte[] body) =>
        body.Length < 2 || !(body[0] == 0 || body[1] == 0 || (body[0] == 0xFE && body[1] == 0xFF) || (body[0] == 0xFF && body[1] == 0xFE));
}
