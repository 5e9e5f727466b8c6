namespace Monitor.Bench.Parsers;

/// <summary>The check step before measuring: every parser must find the same entries with the same dates.</summary>
internal static class ParserAgreement
{
    public static bool Check(TextWriter output)
    {
        var agree = true;
        foreach (var (format, body) in ParserDocuments.ByFormat)
        {
            var monitor = ParserRunners.Monitor(body);
            var others = new Dictionary<string, IReadOnlyList<DateTimeOffset?>?>
            {
                ["SyndicationFeed"] = ParserRunners.Syndication(body),
                ["CodeHollow"] = ParserRunners.CodeHollow(body),
            };
            output.WriteLine($"{format}: Monitor {monitor.Count} entries, {monitor.Count(d => d is not null)} dated, newest {monitor.Max():O}");
            foreach (var (name, dates) in others)
            {
                if (dates is null)
                {
                    output.WriteLine($"  {name}: does not read {format}");
                    continue;
                }

                var mismatches = monitor.Zip(dates).Count(pair => pair.First != pair.Second);
                var ok = dates.Count == monitor.Count && mismatches == 0;
                agree &= ok;
                output.WriteLine($"  {name}: {dates.Count} entries, {mismatches} date mismatches → {(ok ? "agrees" : "DISAGREES")}");
            }
        }

        return agree;
    }
}
