namespace Monitor.Bench.Cycle;

/// <summary>
/// One measured repetition for one N: the baseline, the first (all new), the second (nothing changed) and the third
/// (every feed gained two entries) cycle, the last two with the bare loop replaying their requests.
/// </summary>
internal sealed record CycleRun(
    int Accounts,
    double BaselineSeconds,
    double BaselineRssMb,
    CycleMeasure First,
    CycleMeasure Second,
    long ArchiveBytesFirst = 0,
    long ArchiveBytesSecond = 0)
{
    public double BaselineAccountsPerSecond => Accounts / BaselineSeconds;

    public double Ratio => First.AccountsPerSecond / BaselineAccountsPerSecond;

    public double SecondSpeedup => First.Seconds / Second.Seconds;

    /// <summary>The bare loop replaying the second cycle's requests with their If-None-Match values (all 304 for feeds).</summary>
    public double ConditionalBaselineSeconds { get; init; }

    /// <summary>The cycle after every feed gained <see cref="Farm.FarmAccounts.NewEntriesPerGeneration"/> entries.</summary>
    public CycleMeasure? Third { get; init; }

    /// <summary>The bare loop replaying the third cycle's requests (feeds answer 200 with the whole feed).</summary>
    public double ThirdBaselineSeconds { get; init; }

    /// <summary>All-304 cycle ÷ its conditional baseline, as a speed ratio (target ≥ 0.7).</summary>
    public double SteadyRatio => ConditionalBaselineSeconds / Second.Seconds;

    /// <summary>"Few new posts" cycle ÷ the bare fetch of its requests, as a speed ratio (target ≥ 0.5).</summary>
    public double FewNewRatio => Third is null ? 0 : ThirdBaselineSeconds / Third.Seconds;

    /// <summary>Archive bytes the first cycle wrote per post it stored.</summary>
    public double ArchiveBytesPerPost => First.PostsInDb == 0 ? 0 : (double)ArchiveBytesFirst / First.PostsInDb;
}

/// <summary>One <c>ingest --once</c> as the worker reported it, with the process's peak RSS and the posts in the database after it.</summary>
internal sealed record CycleMeasure(int Accounts, int Failed, int NewPosts, double Seconds, double ProcessSeconds, double PeakRssMb, long PostsInDb)
{
    public double AccountsPerSecond => Accounts / Seconds;

    public double PostsPerSecond => NewPosts / Seconds;
}
