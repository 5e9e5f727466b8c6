namespace Monitor.Bench.Cycle;

/// <summary>One measured repetition for one N: the baseline, the first (all new) and the second (nothing changed) cycle.</summary>
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

    /// <summary>Archive bytes the first cycle wrote per post it stored.</summary>
    public double ArchiveBytesPerPost => First.PostsInDb == 0 ? 0 : (double)ArchiveBytesFirst / First.PostsInDb;
}

/// <summary>One <c>ingest --once</c> as the worker reported it, with the process's peak RSS and the posts in the database after it.</summary>
internal sealed record CycleMeasure(int Accounts, int Failed, int NewPosts, double Seconds, double ProcessSeconds, double PeakRssMb, long PostsInDb)
{
    public double AccountsPerSecond => Accounts / Seconds;

    public double PostsPerSecond => NewPosts / Seconds;
}
