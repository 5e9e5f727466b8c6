using System.Globalization;
using System.Text;

namespace Monitor.Bench.Cycle;

/// <summary>Medians per N as a markdown table, plus every run, for BENCHMARKS.md.</summary>
internal static class CycleReport
{
    public static string ToMarkdown(IReadOnlyList<CycleRun> runs, int concurrency)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians of {runs.Count / Math.Max(1, runs.Select(r => r.Accounts).Distinct().Count())} runs per N, concurrency {concurrency} (pipeline and baseline).")
            .AppendLine()
            .AppendLine("| N | baseline acc/s | pipeline acc/s | ratio | posts/s | 1st cycle s | 2nd cycle s | 2nd speed-up | peak RSS 1st / 2nd MB | baseline RSS MB | failed | posts in db |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in runs.GroupBy(r => r.Accounts))
        {
            var g = group.ToList();
            text.AppendLine(Invariant(
                $"| {group.Key} | {Median(g, r => r.BaselineAccountsPerSecond):0} | {Median(g, r => r.First.AccountsPerSecond):0} | {Median(g, r => r.Ratio):0.00} | {Median(g, r => r.First.PostsPerSecond):0} | {Median(g, r => r.First.Seconds):0.00} | {Median(g, r => r.Second.Seconds):0.00} | {Median(g, r => r.SecondSpeedup):0.0}x | {Median(g, r => r.First.PeakRssMb):0} / {Median(g, r => r.Second.PeakRssMb):0} | {Median(g, r => r.BaselineRssMb):0} | {g.Sum(r => r.First.Failed + r.Second.Failed)} | {string.Join(", ", g.Select(r => r.First.PostsInDb).Distinct())} |"));
        }

        text.AppendLine()
            .AppendLine("Steady state (ratio = the bare loop's time over the same requests ÷ the cycle's time, in the same run):")
            .AppendLine()
            .AppendLine("| N | 2nd cycle (all 304) s | conditional baseline s | ratio | 3rd cycle (2 new per feed) s | its baseline s | ratio | new posts | failed |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var group in runs.Where(r => r.Third is not null).GroupBy(r => r.Accounts))
        {
            var g = group.ToList();
            text.AppendLine(Invariant(
                $"| {group.Key} | {Median(g, r => r.Second.Seconds):0.00} | {Median(g, r => r.ConditionalBaselineSeconds):0.00} | {Median(g, r => r.SteadyRatio):0.00} | {Median(g, r => r.Third!.Seconds):0.00} | {Median(g, r => r.ThirdBaselineSeconds):0.00} | {Median(g, r => r.FewNewRatio):0.00} | {string.Join(", ", g.Select(r => r.Third!.NewPosts).Distinct())} | {g.Sum(r => r.Third!.Failed)} |"));
        }

        text.AppendLine().AppendLine("Every run (ratio = pipeline acc/s ÷ baseline acc/s of the same run):").AppendLine();
        foreach (var r in runs)
        {
            text.AppendLine(Invariant(
                $"- N={r.Accounts}: baseline {r.BaselineSeconds:0.00} s, first {r.First.Seconds:0.00} s (process {r.First.ProcessSeconds:0.0} s, {r.First.PeakRssMb:0} MB), ratio {r.Ratio:0.00}; second {r.Second.Seconds:0.00} s ({r.Second.PeakRssMb:0} MB), {r.SecondSpeedup:0.0}x, {r.SteadyRatio:0.00} of {r.ConditionalBaselineSeconds:0.00} s; third {r.Third?.Seconds ?? 0:0.00} s, {r.FewNewRatio:0.00} of {r.ThirdBaselineSeconds:0.00} s"));
        }

        return text.ToString();
    }

    /// <summary>What the archive costs: bytes per post, and the cycles with it against without it in the same repetitions.</summary>
    public static string ArchiveMarkdown(IReadOnlyList<CycleRun> archived, IReadOnlyList<CycleRun>? plain)
    {
        var text = new StringBuilder()
            .AppendLine("| N | archive bytes per post (1st cycle) | archive MB 1st / 2nd cycle | 1st cycle s off / on | 2nd cycle s off / on |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var group in archived.GroupBy(r => r.Accounts))
        {
            var on = group.ToList();
            var off = plain?.Where(r => r.Accounts == group.Key).ToList() ?? [];
            string Off(Func<CycleRun, double> value) => off.Count > 0 ? Median(off, value).ToString("0.00", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(Invariant(
                $"| {group.Key} | {Median(on, r => r.ArchiveBytesPerPost):0} | {Median(on, r => r.ArchiveBytesFirst / 1048576.0):0.0} / {Median(on, r => r.ArchiveBytesSecond / 1048576.0):0.0} | {Off(r => r.First.Seconds)} / {Median(on, r => r.First.Seconds):0.00} | {Off(r => r.Second.Seconds)} / {Median(on, r => r.Second.Seconds):0.00} |"));
        }

        return text.ToString();
    }

    /// <summary>
    /// What keeping versions costs the first cycle: its time with versions against without them, per repetition (the
    /// two runs of repetition i are paired) and as the median of those ratios.
    /// </summary>
    public static string VersionsMarkdown(IReadOnlyList<CycleRun> versioned, IReadOnlyList<CycleRun> unversioned)
    {
        var text = new StringBuilder()
            .AppendLine("| N | 1st cycle s with / without versions (medians) | median ratio with ÷ without | ratios per repetition | 2nd cycle s with / without |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var group in versioned.GroupBy(r => r.Accounts))
        {
            var with = group.ToList();
            var without = unversioned.Where(r => r.Accounts == group.Key).ToList();
            var ratios = with.Zip(without, (a, b) => a.First.Seconds / b.First.Seconds).ToList();
            var sorted = ratios.Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            text.AppendLine(Invariant(
                $"| {group.Key} | {Median(with, r => r.First.Seconds):0.00} / {Median(without, r => r.First.Seconds):0.00} | {median:0.000} | {string.Join(", ", ratios.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))} | {Median(with, r => r.Second.Seconds):0.00} / {Median(without, r => r.Second.Seconds):0.00} |"));
        }

        return text.ToString();
    }

    private static double Median(List<CycleRun> runs, Func<CycleRun, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
