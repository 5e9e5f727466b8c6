using System.Net.Http.Headers;
using System.Text.Json;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>
/// Reads the Graph API usage headers. <c>X-Business-Use-Case-Usage</c> (page and system-user tokens) maps business ids
/// to lists of usage objects whose <c>estimated_time_to_regain_access</c> is in minutes; <c>X-App-Usage</c> has no
/// regain time (developers.facebook.com/docs/graph-api/overview/rate-limiting).
/// </summary>
internal static class FacebookUsageHeaders
{
    public const string BusinessUseCase = "X-Business-Use-Case-Usage";

    /// <summary>When access comes back according to the usage headers, or null when they do not say.</summary>
    public static DateTimeOffset? ReadRegainAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues(BusinessUseCase, out var values))
        {
            return null;
        }

        var minutes = 0d;
        foreach (var value in values)
        {
            minutes = Math.Max(minutes, MaxRegainMinutes(value));
        }

        return minutes > 0 ? now + TimeSpan.FromMinutes(Math.Min(minutes, TimeSpan.FromDays(1).TotalMinutes)) : null;
    }

    private static double MaxRegainMinutes(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return 0;
            }

            var max = 0d;
            foreach (var business in document.RootElement.EnumerateObject())
            {
                if (business.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var usage in business.Value.EnumerateArray())
                {
                    if (usage.ValueKind == JsonValueKind.Object
                        && usage.TryGetProperty("estimated_time_to_regain_access", out var regain)
                        && regain.TryGetDouble(out var value))
                    {
                        max = Math.Max(max, value);
                    }
                }
            }

            return max;
        }
        catch (JsonException)
        {
            // A malformed usage header must not turn a rate limit into a crash; the fallback wait applies.
            return 0;
        }
    }
}
