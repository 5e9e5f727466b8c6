using System.Globalization;
using Monitor.Core.Adapters.Feeds;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class FeedDateParserTests
{
    public static TheoryData<string, string> Parsable => new()
    {
        // RFC 822 as RSS 2.0 prescribes it
        { "Wed, 02 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Oct 2002 15:00:00 +0200", "2002-10-02T15:00:00+02:00" },
        { "Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02T08:00:00-05:00" },
        { "Wed, 02 Oct 2002 09:00:00 EDT", "2002-10-02T09:00:00-04:00" },
        { "Wed, 02 Oct 2002 07:00:00 CST", "2002-10-02T07:00:00-06:00" },
        { "Wed, 02 Oct 2002 08:00:00 CDT", "2002-10-02T08:00:00-05:00" },
        { "Wed, 02 Oct 2002 06:00:00 MST", "2002-10-02T06:00:00-07:00" },
        { "Wed, 02 Oct 2002 07:00:00 MDT", "2002-10-02T07:00:00-06:00" },
        { "Wed, 02 Oct 2002 05:00:00 PST", "2002-10-02T05:00:00-08:00" },
        { "Wed, 02 Oct 2002 06:00:00 PDT", "2002-10-02T06:00:00-07:00" },
        { "Wed, 02 Oct 2002 13:00:00 UT", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Oct 2002 13:00:00 Z", "2002-10-02T13:00:00+00:00" },
        // Military letters other than Z: RFC 2822 §4.3 says to read them as -0000
        { "Wed, 02 Oct 2002 13:00:00 A", "2002-10-02T13:00:00+00:00" },
        // real-world variants
        { "Wed, 2 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Oct 2002 13:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "02 Oct 2002 13:00:00 +0000", "2002-10-02T13:00:00+00:00" },
        { "Mon, 02 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Oct 02 13:00:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "Sat, 02 Oct 99 13:00:00 GMT", "1999-10-02T13:00:00+00:00" },
        { "Wednesday, 02 October 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Sept 2002 13:00:00 GMT", "2002-09-02T13:00:00+00:00" },
        { "Wed, 02 Oct 2002 13:00:00 +02:00", "2002-10-02T13:00:00+02:00" },
        { "Wed, 02 Oct 2002 13:00:00 -0330", "2002-10-02T13:00:00-03:30" },
        { "Wed, 02 Oct 2002 13:00:00", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Oct 2002", "2002-10-02T00:00:00+00:00" },
        { "Wed, 02 Oct 2002 13:00:00 +0000 (UTC)", "2002-10-02T13:00:00+00:00" },
        { "Wed, 02 Oct 2002 13:00:00 BST", "2002-10-02T13:00:00+01:00" },
        { "Wed,02 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00+00:00" },
        { "  Wed, 02 Oct 2002 13:00:00 GMT\n", "2002-10-02T13:00:00+00:00" },
        { "October 2, 2002 13:00:00 EST", "2002-10-02T13:00:00-05:00" },
        // RFC 3339 / ISO 8601 (Atom, JSON Feed, dc:date)
        { "2024-05-01T10:00:00Z", "2024-05-01T10:00:00+00:00" },
        { "2024-05-01T10:00:00+01:00", "2024-05-01T10:00:00+01:00" },
        { "2024-05-01T10:00:00.1234567-07:00", "2024-05-01T10:00:00.1234567-07:00" },
        { "2024-05-01T10:00:00.5Z", "2024-05-01T10:00:00.5000000+00:00" },
        { "2024-05-01T10:00Z", "2024-05-01T10:00:00+00:00" },
        { "2024-05-01 10:00:00", "2024-05-01T10:00:00+00:00" },
        { "2024-05-01", "2024-05-01T00:00:00+00:00" },
    };

    [Theory]
    [MemberData(nameof(Parsable))]
    public void Parse_RealWorldDate_ReturnsInstantAndOffset(string text, string expected)
    {
        var parsed = FeedDateParser.Parse(text);

        // "O" renders both the local time and the offset, so a right instant in the wrong zone fails too.
        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want.ToString("O", CultureInfo.InvariantCulture), parsed?.ToString("O", CultureInfo.InvariantCulture));
    }

    public static TheoryData<string?> Unparsable => new(
        (string?)null,
        "",
        "   ",
        "N/A",
        "yesterday",
        "Wed, 31 Feb 2002 13:00:00 GMT",
        "Wed, 02 Foo 2002 13:00:00 GMT",
        "Wed, 02 Oct 2002 25:00:00 GMT",
        "Wed, 02 Oct 2002 13:00:00 +9900",
        "2024-13-01T10:00:00Z",
        "02 Oct");


    [Theory]
    [MemberData(nameof(Unparsable))]
    public void Parse_NotADate_ReturnsNull(string? text)
    {
        Assert.Null(FeedDateParser.Parse(text));
    }
}
