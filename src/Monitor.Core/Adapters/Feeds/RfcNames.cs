namespace Monitor.Core.Adapters.Feeds;

/// <summary>English month and weekday names as RFC 822 dates (and their sloppier cousins) spell them.</summary>
internal static class RfcNames
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Weekdays =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>1-12 for a month name, full or abbreviated to at least three letters ("Sep", "Sept", "September").</summary>
    public static int? Month(string token)
    {
        var index = Find(Months, token.TrimEnd('.'));
        return index < 0 ? null : index + 1;
    }

    /// <summary>True for a weekday name, full or abbreviated to at least three letters.</summary>
    public static bool IsWeekday(string token) => Find(Weekdays, token.TrimEnd('.')) >= 0;

    private static int Find(string[] names, string token)
    {
        if (token.Length < 3)
        {
            return -1;
        }

        return Array.FindIndex(names, name => name.StartsWith(token, StringComparison.OrdinalIgnoreCase));
    }
}
