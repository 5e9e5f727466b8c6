namespace Monitor.Core.Export;

/// <summary>File formats of <c>export</c>.</summary>
public enum ExportFormat
{
    /// <summary>JSON Lines: one camelCase JSON object per line, timestamps ISO 8601 UTC.</summary>
    JsonLines,

    /// <summary>RFC 4180 CSV with a header row; nested metrics flattened.</summary>
    Csv,
}
