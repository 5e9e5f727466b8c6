using BenchmarkDotNet.Attributes;

namespace Monitor.Bench.Parsers;

/// <summary>One 50-entry document per format, read by Monitor's parsers and by the two libraries it is compared with.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] body = [];

    [Params("Atom", "RSS", "JSON")]
    public string Format { get; set; } = "Atom";

    [GlobalSetup]
    public void Setup() => body = ParserDocuments.ByFormat[Format];

    [Benchmark(Baseline = true, Description = "Monitor")]
    public int Monitor() => ParserRunners.Monitor(body).Count;

    [Benchmark(Description = "SyndicationFeed")]
    public int Syndication() => ParserRunners.Syndication(body)?.Count ?? 0;

    [Benchmark(Description = "CodeHollow.FeedReader")]
    public int CodeHollow() => ParserRunners.CodeHollow(body).Count;

    [Benchmark(Description = "Monitor parse+map to posts")]
    public int MonitorToPosts() => ParserRunners.MonitorToPosts(body);
}
