using System.Diagnostics;
using System.Globalization;

namespace Monitor.Bench.Parsers;

/// <summary>
/// A noise-robust cross-check of the BenchmarkDotNet figures on a shared machine: the parsers take turns on the same
/// document (so a burst of load from elsewhere hits all of them alike), and the minimum and median of the rounds are
/// reported per parser, each with its ratio to Monitor's. Untimed warm-up rounds come first: tiered compilation
/// replaces the ReadyToRun code of System.Private.Xml and the tier-0 code of the parsers with optimised code only
/// after a few seconds of this loop (on the Atom document the bare XmlReader went from ~470 to ~140 µs after 350–800
/// rounds), and a worker that runs for hours parses with the optimised code.
/// </summary>
internal static class InterleavedTiming
{
    public static void Run(TextWriter output, int rounds, int warmupRounds)
    {
        var parsers = new (string Name, Func<byte[], int> Parse)[]
        {
            ("Monitor", body => ParserRunners.Monitor(body).Count),
            ("SyndicationFeed", body => ParserRunners.Syndication(body)?.Count ?? -1),
            ("CodeHollow.FeedReader", body => ParserRunners.CodeHollow(body).Count),
            ("Monitor parse+map to posts", ParserRunners.MonitorToPosts),
        };
        output.WriteLine($"Interleaved timing, {rounds} rounds per parser and format after {warmupRounds} untimed warm-up rounds (µs per document):");
        output.WriteLine();
        output.WriteLine("| Format | Parser | min µs | median µs | min ratio to Monitor | median ratio to Monitor |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        var warmups = new List<string>();
        foreach (var (format, body) in ParserDocuments.ByFormat)
        {
            var warmupStart = Stopwatch.GetTimestamp();
            for (var round = 0; round < warmupRounds; round++)
            {
                foreach (var parser in parsers)
                {
                    parser.Parse(body);
                }
            }

            warmups.Add(string.Create(CultureInfo.InvariantCulture, $"{format} {Stopwatch.GetElapsedTime(warmupStart).TotalSeconds:0.0} s"));
            var samples = parsers.Select(_ => new List<double>(rounds)).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var p = 0; p < parsers.Length; p++)
                {
                    var start = Stopwatch.GetTimestamp();
                    if (parsers[p].Parse(body) < 0)
                    {
                        samples[p].Add(double.NaN);
                        continue;
                    }

                    samples[p].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }

            var monitorMin = samples[0].Min();
            var monitorMedian = samples[0].Order().ElementAt(rounds / 2);
            for (var p = 0; p < parsers.Length; p++)
            {
                if (samples[p].Any(double.IsNaN))
                {
                    output.WriteLine($"| {format} | {parsers[p].Name} | n/a | n/a | does not read {format} | |");
                    continue;
                }

                var sorted = samples[p].Order().ToArray();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {format} | {parsers[p].Name} | {sorted[0]:0} | {sorted[rounds / 2]:0} | {sorted[0] / monitorMin:0.00} | {sorted[rounds / 2] / monitorMedian:0.00} |"));
            }
        }

        output.WriteLine();
        output.WriteLine($"Warm-up ({warmupRounds} rounds of all parsers): {string.Join(", ", warmups)}.");
        output.WriteLine();
    }
}
