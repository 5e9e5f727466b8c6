namespace Monitor.Worker.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>Invalid configuration or account list, unusable arguments, or the store could not be opened.</summary>
    public const int StartupFailed = 1;

    /// <summary><c>ingest</c>: at least one account's poll failed (the others were still polled and stored).</summary>
    public const int SomeAccountsFailed = 2;

    /// <summary><c>archive verify</c>: at least one record is bad (findings, like a failed account).</summary>
    public const int Findings = 2;

    /// <summary>An account id given with <c>--account</c> is not in the list (or is disabled).</summary>
    public const int UnknownAccount = 3;

    /// <summary>Interrupted (Ctrl+C / SIGTERM) before the command finished.</summary>
    public const int Cancelled = 130;
}
