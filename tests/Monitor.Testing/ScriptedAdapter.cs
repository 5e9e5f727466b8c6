using System.Collections.Concurrent;
using Monitor.Core.Adapters;

namespace Monitor.Testing;

/// <summary>
/// A platform adapter for polling tests (platform key <c>test</c>): each call runs the script registered for the
/// account's handle, and calls are counted per account.
/// </summary>
public sealed class ScriptedAdapter : IPlatformAdapter
{
    public const string Key = "test";

    private readonly ConcurrentDictionary<string, Func<FetchRequest, CancellationToken, Task<FetchResult>>> scripts = new(StringComparer.Ordinal);

    public string Platform => Key;

    public AdapterCapabilities Capabilities { get; } = new(IncrementalCursor: true);

    /// <summary>Calls per account id.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<FetchRequest> Requests { get; } = new();

    public ScriptedAdapter On(string handle, Func<FetchRequest, CancellationToken, Task<FetchResult>> script)
    {
        scripts[handle] = script;
        return this;
    }

    public ScriptedAdapter On(string handle, Func<FetchRequest, FetchResult> script) =>
        On(handle, (request, _) => Task.FromResult(script(request)));

    public string? ValidateHandle(string handle) => null;

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(request.Account.Id, 1, (_, n) => n + 1);
        Requests.Enqueue(request);
        return scripts.TryGetValue(request.Account.Handle, out var script)
            ? script(request, cancellationToken)
            : throw new InvalidOperationException($"No script for handle '{request.Account.Handle}'.");
    }
}
