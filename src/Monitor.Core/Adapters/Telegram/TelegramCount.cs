using System.Globalization;

namespace Monitor.Core.Adapters.Telegram;

/// <summary>Counts as the web preview prints them: <c>987</c>, <c>4.85K</c>, <c>1.2M</c>, <c>12 345</c>.</summary>
internal static class TelegramCount
{
    /// <summary>The count, or null when the text is not a count (a missing number is unknown, not zero).</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != ',').ToArray());
        var multiplier = 1m;
        if (compact.Length > 1)
        {
            multiplier = char.ToUpperInvariant(compact[^1]) switch
            {
                'K' => 1_000m,
                'M' => 1_000_000m,
                'B' => 1_000_000_000m,
                _ => 1m,
            };
        }

        var number = multiplier == 1m ? compact : compact[..^1];
        // decimal, not double: 4.85 × 1000 must be 4850, not 4849.
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // A number too large for a long (or for decimal once scaled) is garbage, not a count; the multiplication and
        // the cast would throw OverflowException.
        var limit = long.MaxValue / multiplier;
        return value <= limit ? (long)decimal.Round(value * multiplier) : null;
    }
}
