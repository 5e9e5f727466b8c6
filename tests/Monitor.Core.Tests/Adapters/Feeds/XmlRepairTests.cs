using System.Text;
using Monitor.Core.Adapters.Feeds;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class XmlRepairTests
{
    public static TheoryData<string, string, string> Repairs => new()
    {
        // input → repaired text, notes
        { "<t>A & B</t>", "<t>A &amp; B</t>", "repaired: 1 bare ampersand" },
        { "<t>?a=1&b=2</t>", "<t>?a=1&amp;b=2</t>", "repaired: 1 bare ampersand" },
        { "<t>&nbsp</t>", "<t>&amp;nbsp</t>", "repaired: 1 bare ampersand" },
        { "<t>&unknownname;</t>", "<t>&amp;unknownname;</t>", "repaired: 1 bare ampersand" },
        { "<t>x&nbsp;y&eacute;&hellip;</t>", "<t>x&#160;y&#233;&#8230;</t>", "repaired: 3 HTML entities" },
        { "<t>a\u0001b\u001Fc&#2;d</t>", "<t>abcd</t>", "repaired: 3 control characters" },
        { "<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9; &#x1F600; A & B</t>", "<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9; &#x1F600; A &amp; B</t>", "repaired: 1 bare ampersand" },
        // CDATA and comments are left alone, except for forbidden control characters
        { "<t><![CDATA[Q1 & Q2 &nbsp;\u0002]]> & </t>", "<t><![CDATA[Q1 & Q2 &nbsp;]]> &amp; </t>", "repaired: 1 bare ampersand, 1 control character" },
        { "<t><!-- a & b --> &copy;</t>", "<t><!-- a & b --> &#169;</t>", "repaired: 1 HTML entity" },
    };

    [Theory]
    [MemberData(nameof(Repairs))]
    public void Repair_RecoverableError_IsRepairedAndCounted(string input, string expected, string notes)
    {
        var (body, counts) = XmlRepair.Repair(Encoding.UTF8.GetBytes(input));

        Assert.Equal(expected, Encoding.UTF8.GetString(body));
        Assert.Equal(notes, counts.ToString());
    }

    [Fact]
    public void Repair_WellFormedDocument_ReturnsTheSameBytes()
    {
        var input = Encoding.UTF8.GetBytes("<t a=\"x&amp;y\">caf\u00e9 &#233; <![CDATA[&]]></t>");

        var (body, counts) = XmlRepair.Repair(input);

        Assert.Same(input, body);
        Assert.Equal(0, counts.Total);
    }

    [Fact]
    public void Repair_Utf16Body_IsLeftAlone()
    {
        var input = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<t>A & B</t>")).ToArray();

        var (body, counts) = XmlRepair.Repair(input);

        Assert.Same(input, body);
        Assert.Equal(0, counts.Total);
    }

    [Fact]
    public void Parse_RepairedFeed_KeepsMultibyteTextIntact()
    {
        var body = Encoding.UTF8.GetBytes("<rss><channel><item><guid>1</guid><title>Caf\u00e9 & th\u00e9 &ndash; \u65e5\u672c</title></item></channel></rss>");

        var feed = FeedParser.Parse(body, 10);

        Assert.Equal("Caf\u00e9 & th\u00e9 \u2013 \u65e5\u672c", Assert.Single(feed.Entries).Title?.Value);
        Assert.Equal("repaired: 1 bare ampersand, 1 HTML entity", feed.Notes);
    }
}
