using System.Globalization;
using System.Text.Json;

namespace Monitor.Core.Tests.Adapters.Facebook;

/// <summary>Generated Graph API post listings for bursts and backfills: one post an hour, newest first.</summary>
internal static class GraphPages
{
    public static string Posts(string baseUrl, DateTimeOffset newest, int total, int pageSize, int page)
    {
        var start = page * pageSize;
        var data = Enumerable.Range(start, Math.Max(0, Math.Min(pageSize, total - start))).Select(i => new Dictionary<string, object>
        {
            ["id"] = $"112233445566778_{900000 - i}",
            ["created_time"] = newest.AddHours(-i).ToString("yyyy-MM-dd'T'HH:mm:ss+0000", CultureInfo.InvariantCulture),
            ["message"] = $"Post {900000 - i}",
            ["status_type"] = "mobile_status_update",
        }).ToArray();
        var paging = new Dictionary<string, object> { ["cursors"] = new { before = "b", after = (page + 1).ToString(CultureInfo.InvariantCulture) } };
        if (start + pageSize < total)
        {
            paging["next"] = $"{baseUrl}/112233445566778/posts?access_token={FacebookTestHost.Token}&limit={pageSize}&after={page + 1}";
        }

        return JsonSerializer.Serialize(new { data, paging });
    }
}
