namespace Monitor.Core.Polling;

/// <summary>This worker process's lease owner id: host, process id and a random suffix, unique across restarts.</summary>
public sealed class WorkerIdentity
{
    public WorkerIdentity() : this($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^24])
    {
    }

    public WorkerIdentity(string owner) => Owner = owner;

    public string Owner { get; }
}
