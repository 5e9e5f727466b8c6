using System.Text;
using System.Text.RegularExpressions;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// Hand-made hostile payloads for every parser: XXE, billion laughs, invalid UTF-8, dates out of range, repeated
/// channel elements. Each ends in a result or a <see cref="PayloadFormatException"/>, within two seconds.
/// </summary>
[Collection(AllocationMeasuringCollection.Name)]
public sealed partial class HostileInputTests
{
    private static readonly string[] XmlParsers = ["rss", "rdf", "atom", "youtube-feed"];

    public static TheoryData<string> Parsers => ParserTargets.Names;

    public static TheoryData<string> XmlFormats => new(XmlParsers);

    [Theory]
    [MemberData(nameof(XmlFormats))]
    public async Task Parse_ExternalEntity_IsRefusedWithoutReadingTheFile(string parser)
    {
        var body = WithDoctype(parser, """<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""", "&xxe;");

        var error = await ParseAsync(parser, body);

        Assert.NotNull(error);
        Assert.Contains("DTD", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(XmlFormats))]
    public async Task Parse_BillionLaughs_IsRefusedQuicklyAndSmall(string parser)
    {
        var entities = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        var body = WithDoctype(parser, entities.Append("]>").ToString(), "&l9;");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await ParseAsync(parser, body);

        Assert.NotNull(error);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 16L * 1024 * 1024);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Parse_InvalidUtf8_FailsAsPayloadFormatOrReplaces(string parser)
    {
        var valid = Fixtures.ReadBytes(ParserTargets.All[parser].Fixture);
        byte[][] sequences = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        for (var i = 1; i < 10; i++)
        {
            var at = valid.Length * i / 10;
            await ParseAsync(parser, [.. valid[..at], .. sequences[i % sequences.Length], .. valid[at..]]);
        }
    }

    public static TheoryData<string, string, string> OutOfRangeDates()
    {
        var data = new TheoryData<string, string, string>();
        string[] iso = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "99999-01-01T00:00:00Z", "2026-13-45T25:61:61Z"];
        string[] rfc822 = ["Fri, 31 Dec 9999 23:59:59 -1200", "Mon, 01 Jan 0001 00:00:00 +1400", "Mon, 01 Jan 99999 00:00:00 GMT"];
        foreach (var (parser, target) in ParserTargets.All)
        {
            // Every fixture has ISO dates except RSS 2.0's, which has RFC 822 ones.
            var style = Rfc822Date().IsMatch(Fixtures.ReadText(target.Fixture)) ? "rfc822" : "iso";
            foreach (var date in style == "iso" ? iso : rfc822)
            {
                data.Add(parser, date, style);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutOfRangeDates))]
    public async Task Parse_DateOutOfRange_FailsAsPayloadFormatOrIsDropped(string parser, string date, string style)
    {
        var text = Fixtures.ReadText(ParserTargets.All[parser].Fixture);
        var hostile = (style == "iso" ? IsoDate() : Rfc822Date()).Replace(text, date);
        Assert.NotEqual(text, hostile);

        await ParseAsync(parser, Encoding.UTF8.GetBytes(hostile));
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Parse_HugeNumbers_FailAsPayloadFormatOrAreDropped(string parser)
    {
        // Every count, id and metric (JSON numbers, Telegram's "4.85K" counters) becomes far too large for a long.
        var text = Fixtures.ReadText(ParserTargets.All[parser].Fixture);
        var hostile = Counter().Replace(JsonNumber().Replace(text, "$1 99999999999999999999999999999"), "${1}99999999999999999999.5K<");

        await ParseAsync(parser, Encoding.UTF8.GetBytes(hostile));
    }

    [Fact]
    public async Task Parse_JsonFeedItemIdWithInvalidUtf8_FailsAsPayloadFormat()
    {
        byte[] body = [.. "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"a"u8, 0xC3, 0x28, .. "\"}]}"u8];

        Assert.NotNull(await ParseAsync("jsonfeed", body));
    }

    [Fact]
    public async Task Parse_RssChannelWithRepeatedLanguageAndTtl_Terminates()
    {
        var body = Encoding.UTF8.GetBytes("""
            <rss version="2.0"><channel><title>t</title><language>en</language><language>fr</language><ttl>5</ttl><ttl>9</ttl>
            <item><guid>urn:1</guid><title>One</title></item></channel></rss>
            """);

        Assert.Null(await ParseAsync("rss", body));
    }

    /// <summary>Parses on a worker thread with a 2 s limit; returns the PayloadFormatException, if any.</summary>
    private static async Task<PayloadFormatException?> ParseAsync(string parser, byte[] body)
    {
        var parse = ParserTargets.All[parser].Parse;
        try
        {
            await Task.Run(() => parse(body), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            return null;
        }
        catch (PayloadFormatException ex)
        {
            return ex;
        }
    }

    private static byte[] WithDoctype(string parser, string doctype, string reference)
    {
        var text = Fixtures.ReadText(ParserTargets.All[parser].Fixture);
        var root = text.IndexOf(parser == "rdf" ? "<rdf:RDF" : parser == "rss" ? "<rss" : "<feed", StringComparison.Ordinal);
        var title = text.IndexOf("<title>", root, StringComparison.Ordinal) + "<title>".Length;
        return Encoding.UTF8.GetBytes(text[..root] + doctype + text[root..title] + reference + text[title..]);
    }

    [GeneratedRegex(@"(""\w+""\s*:)\s*-?\d+(\.\d+)?")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"((?:_views|counter_value)"">)[^<]*<")]
    private static partial Regex Counter();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} \w{3} \d{4} [\d:]+ \S+")]
    private static partial Regex Rfc822Date();
}
