using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters;

/// <summary>
/// The token walk reads the markup posts are made of itself and hands everything whose tree differs from its token
/// order to the DOM. (That both give the same text is what <see cref="HtmlTextGoldenTests"/> pins.)
/// </summary>
public sealed class HtmlTokenTextTests
{
    public static TheoryData<string, string> Walked => new()
    {
        { "<p>Ministers met in <a href=\"https://example.org/?a=1&amp;b=2\" title='a > b'>Berlin</a> &amp; <strong>Paris</strong>.</p>", "Ministers met in Berlin & Paris." },
        { "<p>One<p>Two<br/>three</p>", "One\n\nTwo\nthree" },
        { "<ul><li>one<li>two<ul><li>inner</li></ul></li></ul>", "one\n\ntwo\n\ninner" },
        { "<h2>Title</h2><h3>Sub<!-- note -->title</h3>", "Title\n\nSubtitle" },
        { "<P CLASS=x>caf&eacute;s &#8212; &#x1F30D; &hellip; &notin; &fjlig;</P>", "cafés — 🌍 … ∉ fj" },
        { "<b>a\r\nb\rc</b>", "a\nb\nc" },
        { "<span>unclosed <b>at the end", "unclosed at the end" },
    };

    public static TheoryData<string> LeftToTheDom => new()
    {
        "<table><tr><td>cell</td></tr></table>",
        "<b><p>misnested</b></p>",
        "<p>before<div>a block in a paragraph</div></p>",
        "stray </div> end tag",
        "<a href=x>one<a href=y>two</a></a>",
        "<script>var x = '<p>';</script>",
        "<pre>\nleading newline</pre>",
        "AT&T", // a name that may or may not be a legacy reference without ';'
        "&notit;", // "&not" and "it;": the legacy name without its semicolon
        "&copy 2026",
        "&#0;",
        "<!DOCTYPE html>text",
        "<p class=\"unterminated>rest",
        "nul\0char",
        "<\u212Abd>Kelvin sign, not kbd</\u212Abd>",
    };

    [Theory]
    [MemberData(nameof(Walked))]
    public void TryAppend_PostMarkup_ReadsItWithoutTheDom(string html, string expected)
    {
        var builder = new PlainTextBuilder(html.Length);

        var walked = HtmlTokenText.TryAppend(html, builder);

        Assert.True(walked);
        Assert.Equal(expected, builder.ToString());
        Assert.Equal(expected, HtmlText.ToPlainText(html));
    }

    [Theory]
    [MemberData(nameof(LeftToTheDom))]
    public void TryAppend_MarkupTheTreeBuilderWouldRepair_GivesUp(string html)
    {
        Assert.False(HtmlTokenText.TryAppend(html, new PlainTextBuilder(html.Length)));
    }
}
