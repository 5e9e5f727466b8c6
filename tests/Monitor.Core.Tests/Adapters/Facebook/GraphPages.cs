using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Monitor.Core.Tests.Adapters.Facebook;

/// <summary>Generated Graph API post listings for bursts and backfills: one post an hour, newest first.</summary>
internal static class GraphPages
{
    /// <summary>A Graph API serving page.json and <paramref name="total"/> generated posts, 100 a page.</summary>
    public static Func<AdapterTestHost, HttpContext, Task> Serve(DateTimeOffset newest, int total) => (host, context) =>
        context.Request.Path.Value switch
        {
            "/v23.0/MFAExample" => host.Json(context, "page.json"),
            "/v23.0/" + FacebookTestHost.PageId + "/posts" => FacebookTestHost.Write(context, Posts(FacebookTestHost.BaseUrl(host.Server),
                newest, total, pageSize: 100, page: int.Parse(context.Request.Query["after"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture))),
            _ => FacebookTestHost.Write(context, "{}", 404),
        };

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
