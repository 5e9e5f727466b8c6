using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Monitor.Bench.Parsers;

/// <summary>
/// <c>parsers [--warmup 2000] [--rounds 300] [--interleaved-only] [BenchmarkDotNet args]</c>: checks that all parsers
/// agree on the documents, times them interleaved (after warm-up rounds), then measures them with a short
/// BenchmarkDotNet job (in-process toolchain: no per-run project generation, so a run takes a couple of minutes).
/// </summary>
internal static class ParserCommand
{
    public static int Run(string[] args)
    {
        if (!ParserAgreement.Check(Console.Out))
        {
            Console.Error.WriteLine("The parsers disagree; not measuring.");
            return 2;
        }

        var warmup = TakeInt(ref args, "--warmup", 2000);
        var rounds = TakeInt(ref args, "--rounds", 300);
        InterleavedTiming.Run(Console.Out, rounds, warmup);
        if (args.Contains("--interleaved-only"))
        {
            return 0;
        }

        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<ParserBenchmarks>(config, args);
        return 0;
    }

    // Removes "--name value" from the arguments (the rest go to BenchmarkDotNet) and returns the value.
    private static int TakeInt(ref string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length)
        {
            return fallback;
        }

        var value = int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture);
        args = [.. args[..at], .. args[(at + 2)..]];
        return value;
    }
}
