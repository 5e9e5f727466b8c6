using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Monitor.Bench.Parsers;

/// <summary>
/// <c>parsers</c>: checks that all parsers agree on the documents, then measures them with a short BenchmarkDotNet
/// job (in-process toolchain: no per-run project generation, so a run takes a couple of minutes).
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

        InterleavedTiming.Run(Console.Out, rounds: 300);
        if (args.Contains("--interleaved-only"))
        {
            return 0;
        }

        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunner.Run<ParserBenchmarks>(config, args);
        return 0;
    }
}
