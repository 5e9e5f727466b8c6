using System.Globalization;
using Monitor.Testing;

namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of every payload parser: with a fixed seed, a bounded number of mutated fixtures per format must
/// each end in a result or a <c>PayloadFormatException</c> — no other exception, no hang, bounded memory.
/// The default 10,000 cases per format take about 15 s on two cores; <c>MONITOR_FUZZ_CASES</c> changes it (20,000: ~30 s).
/// </summary>
public sealed class ParserFuzzTests
{
    private const int DefaultCases = 10_000;
    private const int Seed = 20261128;

    public static TheoryData<string> Parsers => ParserTargets.Names;

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Parse_MutatedFixture_ThrowsOnlyPayloadFormatException(string parser)
    {
        var (fixture, parse) = ParserTargets.All[parser];
        var valid = Fixtures.ReadBytes(fixture);
        parse(valid); // the unmutated fixture parses: the cases start from a real payload
        var run = new FuzzRun(parse, TimeSpan.FromSeconds(2), maxCaseAllocation: 64L * 1024 * 1024);

        await run.RunAsync(valid, Seed + parser.Sum(c => c), Cases(), TestContext.Current.CancellationToken);

        Assert.True(run.Failures.Count == 0,
            $"{run.Failures.Count} undocumented failure(s) in {parser}:\n" + string.Join("\n", run.Failures.Distinct().Take(10)));
    }

    private static int Cases() =>
        int.TryParse(Environment.GetEnvironmentVariable("MONITOR_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCases;
}
