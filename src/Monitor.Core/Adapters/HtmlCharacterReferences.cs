using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace Monitor.Core.Adapters;

/// <summary>
/// Character references in text (WHATWG HTML §13.2.5.72–.80) for the token walk: numeric ones, and named ones with their
/// semicolon, looked up in AngleSharp's table of the standard's names. A name with its semicolon is always the longest
/// match the standard asks for; the legacy forms without one ("&amp;copy", "&amp;notit;") are left to AngleSharp's parser.
/// </summary>
internal static class HtmlCharacterReferences
{
    /// <summary>The longest name in the table, "CounterClockwiseContourIntegral".</summary>
    private const int MaxNameLength = 31;

    /// <summary>
    /// At the '&amp;' at <paramref name="position"/>: appends what it stands for and moves past it; false when the
    /// reference is one the walk does not decode.
    /// </summary>
    public static bool TryAppend(ReadOnlySpan<char> text, ref int position, PlainTextBuilder builder)
    {
        var next = position + 1;
        if (next >= text.Length || !(char.IsAsciiLetterOrDigit(text[next]) || text[next] == '#'))
        {
            // Not a reference: the '&' is text (§13.2.5.72, "anything else").
            builder.Append('&');
            position = next;
            return true;
        }

        var semicolon = text.Slice(next, Math.Min(text.Length - next, MaxNameLength + 2)).IndexOf(';');
        if (semicolon < 1 || semicolon > MaxNameLength + 1)
        {
            return false;
        }

        var reference = text.Slice(next, semicolon);
        position = next + semicolon + 1;
        if (reference[0] != '#')
        {
            if (HtmlEntityProvider.Resolver.GetSymbol(string.Concat(reference, ";")) is not { } symbol)
            {
                return false;
            }

            builder.Append(symbol);
            return true;
        }

        return TryAppendNumeric(reference[1..], builder);
    }

    private static bool TryAppendNumeric(ReadOnlySpan<char> digits, PlainTextBuilder builder)
    {
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        digits = hex ? digits[1..] : digits;
        if (digits.IsEmpty || digits.Length > 6
            || !(hex ? IsHex(digits) : !digits.ContainsAnyExceptInRange('0', '9'))
            || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || !IsPlainScalar(value))
        {
            return false;
        }

        Span<char> utf16 = stackalloc char[2];
        var length = new Rune(value).EncodeToUtf16(utf16);
        builder.Append(utf16[..length]);
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Scalars a numeric reference yields unchanged: no controls, C1 range (which §13.2.5.80 remaps), surrogates or
    /// noncharacters.
    /// </summary>
    private static bool IsPlainScalar(int value) =>
        value is (>= 0x20 and < 0x7f) or (>= 0xa0 and < 0xd800) or (>= 0xe000 and < 0xfdd0) or (> 0xfdef and <= 0x10ffff)
        && (value & 0xfffe) != 0xfffe;
}
