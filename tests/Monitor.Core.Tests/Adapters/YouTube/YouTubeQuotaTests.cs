using System.Globalization;
using Monitor.Core.Adapters.YouTube;

namespace Monitor.Core.Tests.Adapters.YouTube;

public sealed class YouTubeQuotaTests
{
    [Theory]
    [InlineData("2024-11-27T12:00:00Z", "2024-11-28T08:00:00Z")] // PST (UTC−8)
    [InlineData("2024-07-01T06:59:00Z", "2024-07-01T07:00:00Z")] // PDT (UTC−7): 23:59 the day before
    [InlineData("2024-07-01T07:00:00Z", "2024-07-02T07:00:00Z")]
    [InlineData("2024-03-10T06:00:00Z", "2024-03-10T08:00:00Z")] // 22:00 PST; midnight is still standard time
    public void NextReset_IsTheNextMidnightInPacificTime(string now, string expected)
    {
        var reset = YouTubeQuota.NextReset(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), reset);
    }
}
