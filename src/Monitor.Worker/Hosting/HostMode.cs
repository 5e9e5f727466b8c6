namespace Monitor.Worker.Hosting;

/// <summary>What the host is built for.</summary>
internal enum HostMode
{
    /// <summary>The long-running service: scheduler, Windows service / systemd integration, informational logs.</summary>
    Service,

    /// <summary>
    /// A one-shot command that writes (<c>ingest</c>, <c>accounts sync</c>): no scheduler; creates or migrates the
    /// store and syncs the account list into it; logs go to standard error so standard output stays clean.
    /// </summary>
    Command,

    /// <summary>
    /// A one-shot command that only reads (<c>export</c>, <c>report</c>, <c>accounts list</c>): the store is opened
    /// read-only, never created, migrated or synced, and the configured account list is not needed.
    /// </summary>
    ReadOnlyCommand,
}
