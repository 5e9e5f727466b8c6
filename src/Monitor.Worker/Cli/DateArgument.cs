using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Monitor.Worker.Cli;

/// <summary>
/// The one parser of <c>--from</c>/<c>--to</c> for <c>export</c> and <c>report</c>: a date (<c>2026-11-01</c>, a whole
/// UTC day) or an ISO 8601 time. A date given as <c>--to</c> includes that whole day, so
/// <c>--from 2026-11-01 --to 2026-11-30</c> is November.
/// </summary>
internal static class DateArgument
{
    public static Option<DateTimeOffset?> From(string description) =>
        new("--from") { Description = description, CustomParser = result => Parse(result, endOfDay: false) };

    public static Option<DateTimeOffset?> To(string description) =>
        new("--to") { Description = description, CustomParser = result => Parse(result, endOfDay: true) };

    /// <summary>Null when the window is usable, else the one-line error (the same for every command).</summary>
    public static string? CheckOrder(ParseResult parseResult, Option<DateTimeOffset?> from, Option<DateTimeOffset?> to)
    {
        var start = parseResult.GetValue(from);
        var end = parseResult.GetValue(to);
        return start is { } s && end is { } e && s >= e
            ? $"--from {Token(parseResult, from)} is after --to {Token(parseResult, to)}: the window is empty."
            : null;
    }

    private static string? Token(ParseResult parseResult, Option option) =>
        parseResult.GetResult(option) is { Tokens.Count: > 0 } result ? result.Tokens[0].Value : null;

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

        var name = result.Parent is OptionResult option ? option.Option.Name : "the date";
        result.AddError($"{name} '{text}' is not a date (yyyy-MM-dd, UTC) or an ISO 8601 time (2026-11-01T09:30:00Z).");
        return null;
    }
}
