using System.Buffers;
using System.Globalization;

namespace Monitor.Core.Export;

/// <summary>
/// CSV injection ("formula injection", OWASP): a spreadsheet runs a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return as a formula, and post titles, texts, names and errors come from strangers. Such a
/// text cell gets a leading <c>'</c>, which spreadsheets show as text. Numbers stay as they are (a follower growth of
/// <c>-12</c> is a number, not <c>'-12</c>), and so do timestamps, which start with a digit. CsvHelper's own
/// <c>InjectionOptions</c> cannot tell the two apart, so the exports and reports call this on each cell.
/// </summary>
internal static class CsvFormulaGuard
{
    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static string? Escape(string? cell) =>
        cell is { Length: > 0 } && FormulaStarts.Contains(cell[0]) && !double.TryParse(cell, Number, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}
