namespace Monitor.Worker.Hosting;

/// <summary>What the host is built for.</summary>
internal enum HostMode
{
    /// <summary>The long-running service: scheduler, Windows service / systemd integration, informational logs.</summary>
    Service,

    /// <summary>A one-shot command: no scheduler; logs go to standard error so standard output stays clean.</summary>
    Command,
}
