using System.CommandLine.Parsing;
using System.Globalization;

namespace Monitor.Worker.Cli;

/// <summary>
/// Parses <c>--from</c>/<c>--to</c>: a date (<c>2026-11-01</c>, a whole UTC day) or an ISO 8601 time. A date given
/// as <c>--to</c> includes that whole day, so <c>--from 2026-11-01 --to 2026-11-30</c> is November.
/// </summary>
internal static class DateArgument
{
    public static DateTimeOffset? ParseFrom(ArgumentResult result) => Parse(result, endOfDay: false);

    public static DateTimeOffset? ParseTo(ArgumentResult result) => Parse(result, endOfDay: true);

    private static DateTimeOffset? Parse(ArgumentResult result, bool endOfDay)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        result.AddError($"'{text}' is not a date (yyyy-MM-dd) or an ISO 8601 time.");
        return null;
    }
}
