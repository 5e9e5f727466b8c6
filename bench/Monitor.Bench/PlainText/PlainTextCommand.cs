using System.Diagnostics;
using System.Globalization;
using Monitor.Core.Adapters;

namespace Monitor.Bench.PlainText;

/// <summary>
/// <c>html-text</c>: HTML → plain text on a typical 2 KB post body, <c>HtmlText.ToPlainText</c> against the DOM-based
/// implementation it replaced (<see cref="DomHtmlText"/>), interleaved: the two take turns, so a burst of load from
/// elsewhere on the shared machine hits both alike. Each sample times a batch of calls; medians and minimums per call.
/// </summary>
internal static class PlainTextCommand
{
    public static int Run(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var rounds = options.Int("rounds", 2000);
        var batch = options.Int("batch", 10);
        if (!PlainTextAgreement.Check(Console.Out, options.Int("random", 20000)))
        {
            Console.Error.WriteLine("The token walk and the DOM baseline disagree; not measuring.");
            return 2;
        }

        var typical = PlainTextDocuments.TypicalBody();
        Measure("typical body", typical, rounds, batch);
        // The walk's worst case: it reads the whole body, meets a table at the end, and the DOM parses it all again.
        Measure("same body ending in a table (left to the DOM)", typical + "<table><tr><td>cell</td></tr></table>", rounds / 4, batch);
        return 0;
    }

    private static void Measure(string label, string body, int rounds, int batch)
    {
        var implementations = new (string Name, Func<string, string?> ToPlainText)[]
        {
            ("HtmlText (token walk)", HtmlText.ToPlainText),
            ("DOM baseline (AngleSharp document per call)", DomHtmlText.ToPlainText),
        };
        foreach (var (_, toPlainText) in implementations)
        {
            for (var i = 0; i < 500; i++)
            {
                toPlainText(body);
            }
        }

        var samples = implementations.Select(_ => new double[rounds]).ToArray();
        var allocated = new long[implementations.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < implementations.Length; p++)
            {
                var toPlainText = implementations[p].ToPlainText;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < batch; i++)
                {
                    toPlainText(body);
                }

                samples[p][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / batch;
                allocated[p] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTML → text, {label}: {body.Length:N0} characters, {rounds} interleaved rounds of {batch} calls (µs per call):"));
        Console.WriteLine();
        Console.WriteLine("| implementation | min µs | median µs | p90 µs | allocated per call | median ratio to baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var baselineMedian = Median(samples[^1]);
        for (var p = 0; p < implementations.Length; p++)
        {
            var sorted = samples[p].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {implementations[p].Name} | {sorted[0]:0.0} | {Median(sorted):0.0} | {sorted[sorted.Length * 9 / 10]:0.0} | "
                + $"{allocated[p] / ((long)rounds * batch) / 1024.0:0.0} KB | {Median(sorted) / baselineMedian:0.00} |"));
        }

        Console.WriteLine();
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
}
