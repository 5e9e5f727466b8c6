using System.Globalization;

namespace Monitor.Core.Activity.Reports;

/// <summary>A report as rows of formatted cells, rendered as an aligned table or as CSV.</summary>
internal sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Cell text: invariant culture, up to 4 decimals, ISO 8601 UTC instants, empty for unknown.</summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        double number => number.ToString("0.####", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
