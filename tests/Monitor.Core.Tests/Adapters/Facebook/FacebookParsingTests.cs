using Monitor.Core.Adapters.Facebook;

namespace Monitor.Core.Tests.Adapters.Facebook;

public sealed class FacebookParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-20T09:15:00+0000", "2026-11-20T09:15:00+00:00")]
    [InlineData("2026-11-20T11:15:00+0200", "2026-11-20T09:15:00+00:00")]
    [InlineData("2026-11-20T04:15:00-0500", "2026-11-20T09:15:00+00:00")]
    [InlineData("2026-11-20T09:15:00+00:00", "2026-11-20T09:15:00+00:00")]
    [InlineData("2026-11-20T09:15:00Z", "2026-11-20T09:15:00+00:00")]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    public void ParseTime_GraphTimestamps_AreUtc(string value, string? expected) =>
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            FacebookPostMapper.ParseTime(value));

    [Theory]
    [InlineData("""{"1":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":5}],"2":[{"type":"pages","estimated_time_to_regain_access":12}]}""", 12)]
    [InlineData("""{"1":[{"type":"pages","call_count":80,"estimated_time_to_regain_access":0}]}""", null)]
    [InlineData("""not json""", null)]
    [InlineData("""[1,2]""", null)]
    public void ReadRegainAt_BusinessUseCaseHeader_TakesTheLongestWait(string header, int? minutes)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation(FacebookUsageHeaders.BusinessUseCase, header);

        Assert.Equal(minutes is { } m ? Now.AddMinutes(m) : null, FacebookUsageHeaders.ReadRegainAt(response.Headers, Now));
    }

    [Theory]
    [InlineData("https://graph.example.invalid/v23.0/1/posts?access_token=SECRET&limit=3&after=QVF", "limit=3&after=QVF")]
    [InlineData("https://graph.example.invalid/v23.0/1/posts?until=1700000000&ACCESS_TOKEN=SECRET&__paging_token=enc", "until=1700000000&__paging_token=enc")]
    [InlineData("https://graph.example.invalid/v23.0/1/posts?access_token=SECRET", null)]
    [InlineData(null, null)]
    public void NextQuery_DropsTheEmbeddedToken(string? next, string? expected) =>
        Assert.Equal(expected, FacebookPostPager.NextQuery(new GraphPaging(null, next, null)));
}
