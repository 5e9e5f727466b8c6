using Monitor.Bench.Cycle;
using Monitor.Bench.Farm;
using Monitor.Bench.Parsers;
using Monitor.Bench.PlainText;

return args.FirstOrDefault() switch
{
    "farm" => await FarmCommand.RunAsync(args[1..]),
    "baseline" => await BaselineCommand.RunAsync(args[1..]),
    "cycle" => await CycleCommand.RunAsync(args[1..]),
    "parsers" => ParserCommand.Run(args[1..]),
    "html-text" => PlainTextCommand.Run(args[1..]),
    "languages" => Monitor.Bench.Languages.LanguageCommand.Run(args[1..]),
    "response-reader" => await Monitor.Bench.Http.ResponseReaderCommand.RunAsync(args[1..]),
    "store-probe" => await Monitor.Bench.Store.StoreProbeCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Monitor benchmarks (see bench/BENCHMARKS.md):
          cycle [--n 1000,4000,16000] [--runs 3] [--concurrency 32] [--latency-ms 0]   ingest cycles vs bare HttpClient
                [--archive off|on|compare] [--versions on|compare]                      archive on vs off; versions kept vs dropped
                [--worker DLL] [--set Key=Value,…]                                      another worker build; further worker settings
          parsers [BenchmarkDotNet args]                                                parser throughput (checks first)
          html-text [--rounds 2000] [--batch 10] [--random 20000]                      HTML → text vs the DOM baseline (checks first)
          languages [--rounds 300]                                                      language detection per post, on against off (checks first)
          response-reader [--rounds 200]                                               body-read allocations vs the MemoryStream baseline
          farm [--n 1000] [--latency-ms 0] [--port 5080] [--generation 0]                serve the feed farm until Ctrl+C
          baseline --urls FILE --concurrency C                                           (child of 'cycle')
        """);
    return 1;
}
