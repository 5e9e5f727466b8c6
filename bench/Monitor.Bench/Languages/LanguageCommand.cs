using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Languages;
using Monitor.Core.Posts;

namespace Monitor.Bench.Languages;

/// <summary>
/// <c>languages</c>: the cost of language detection in the poll pipeline, detection on against off
/// (<c>Monitor:Languages:DetectionEnabled</c>), with the default languages. A page of posts without a platform language
/// goes through <see cref="PostLanguageDetector.Apply"/>, on and off in turn (a burst of load from elsewhere hits both
/// alike); the first call's model loading is timed apart. Checks first that the samples are detected right and the
/// undecidable ones left unknown. <c>--high-accuracy</c> measures Lingua's high-accuracy mode instead.
/// </summary>
internal static class LanguageCommand
{
    public static int Run(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var rounds = options.Int("rounds", 300);
        var high = args.Contains("--high-accuracy");
        var on = new PostLanguageDetector(Options.Create(new LanguageOptions { HighAccuracy = high }));
        var off = new PostLanguageDetector(Options.Create(new LanguageOptions { DetectionEnabled = false }));

        var load = Stopwatch.StartNew();
        on.Detect(null, LanguageSamples.Posts[0].Text);
        var loadMs = load.Elapsed.TotalMilliseconds;
        var first = Stopwatch.StartNew();
        foreach (var (_, text) in LanguageSamples.Posts)
        {
            on.Detect(null, text);
        }

        var firstPassMs = first.Elapsed.TotalMilliseconds;
        var second = Stopwatch.StartNew();
        new PostLanguageDetector(Options.Create(new LanguageOptions { HighAccuracy = high })).Detect(null, LanguageSamples.Posts[1].Text);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A second detector's first detection: {second.Elapsed.TotalMilliseconds:0} ms (Lingua keeps loaded models per process)."));
        var wrong = LanguageSamples.Posts.Where(p => on.Detect(null, p.Text) != p.Language).ToArray();
        var guessed = LanguageSamples.Undecidable.Where(t => on.Detect(null, t) is not null).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Check: {LanguageSamples.Posts.Length - wrong.Length}/{LanguageSamples.Posts.Length} samples detected right; {guessed.Length}/{LanguageSamples.Undecidable.Length} undecidable texts guessed."));
        foreach (var (language, text) in wrong)
        {
            Console.WriteLine($"  wrong: expected {language}, got {on.Detect(null, text) ?? "unknown"}: {text}");
        }

        foreach (var text in guessed)
        {
            Console.WriteLine($"  guessed {on.Detect(null, text)}: {text}");
        }

        if (wrong.Length > 0 || guessed.Length > 0)
        {
            Console.Error.WriteLine("Detection is wrong on the samples; not measuring.");
            return 2;
        }

        var page = LanguageSamples.Posts.Select((p, i) => new Post { PostId = $"p{i}", PublishedAt = DateTimeOffset.UnixEpoch, Text = p.Text }).ToArray();
        var samples = new[] { new double[rounds], new double[rounds] };
        var allocated = new long[2];
        var detectors = new[] { on, off };
        for (var round = 0; round < rounds; round++)
        {
            for (var d = 0; d < detectors.Length; d++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                detectors[d].Apply(page, Array.Empty<KnownPost>());
                samples[d][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / page.Length;
                allocated[d] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Language detection, {LanguageOptions.DefaultLanguages.Count} languages, {(high ? "high" : "low")} accuracy mode: first detection (models load) {loadMs:0} ms; first pass over the other samples {firstPassMs:0} ms."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds} interleaved rounds of a {page.Length}-post page ({page.Average(p => p.Text!.Length):0} characters on average), µs per post:"));
        Console.WriteLine();
        Console.WriteLine("| detection | min µs | median µs | p90 µs | allocated per post |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        string[] names = ["on", "off"];
        for (var d = 0; d < detectors.Length; d++)
        {
            var sorted = samples[d].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {names[d]} | {sorted[0]:0.0} | {sorted[sorted.Length / 2]:0.0} | {sorted[sorted.Length * 9 / 10]:0.0} | {allocated[d] / ((long)rounds * page.Length) / 1024.0:0.0} KB |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Working set after the run: {Environment.WorkingSet / (1024 * 1024)} MB."));
        return 0;
    }
}
