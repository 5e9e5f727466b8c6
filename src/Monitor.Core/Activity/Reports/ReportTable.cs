using System.Globalization;

namespace Monitor.Core.Activity.Reports;

/// <summary>A report as rows of formatted cells, rendered as an aligned table or as CSV.</summary>
internal sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    private const string DecimalFormat = "0.####";

    // Counts below this are mostly what a report's cells hold (histogram buckets, per-day counts), so their text is
    // made once instead of once per cell.
    private const int CachedCounts = 1024;

    // Below 10^15 a whole double has at most 15 digits, the precision "0.####" formats a double with, so it prints
    // exactly as the integer does; negative zero prints "-0" and keeps the format.
    private const double WholeLimit = 1e15;

    private static readonly string[] Counts = Enumerable.Range(0, CachedCounts).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Cell text: invariant culture, up to 4 decimals, ISO 8601 UTC instants, empty for unknown.</summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        long number => Cell(number),
        int number => Cell(number),
        double number => Cell(number),
        DateTimeOffset instant => Cell(instant),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A count or other integer, invariant culture.</summary>
    public static string Cell(long number) =>
        number is >= 0 and < CachedCounts ? Counts[number] : number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Up to 4 decimals (<c>0.####</c>), invariant culture.</summary>
    public static string Cell(double number) =>
        Math.Abs(number) < WholeLimit && number == Math.Floor(number) && (number != 0 || !double.IsNegative(number))
            ? Cell((long)number)
            : number.ToString(DecimalFormat, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 UTC to the second.</summary>
    public static string Cell(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Cell(long? number) => number is { } value ? Cell(value) : string.Empty;

    public static string Cell(double? number) => number is { } value ? Cell(value) : string.Empty;

    public static string Cell(DateTimeOffset? instant) => instant is { } value ? Cell(value) : string.Empty;
}
