namespace Monitor.Worker.Cli;

/// <summary>The command line: <c>run</c> (default), <c>ingest</c>, <c>export</c>, <c>accounts</c>, <c>report</c>.</summary>
internal static class MonitorCli
{
    public static Task<int> InvokeAsync(string[] args) => Task.FromResult(0);
}
