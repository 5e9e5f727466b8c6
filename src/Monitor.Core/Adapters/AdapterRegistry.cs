using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters;

/// <summary>The registered adapters, by platform key.</summary>
public sealed class AdapterRegistry
{
    private readonly Dictionary<string, IPlatformAdapter> adapters;

    public AdapterRegistry(IEnumerable<IPlatformAdapter> adapters)
    {
        this.adapters = new Dictionary<string, IPlatformAdapter>(StringComparer.Ordinal);
        foreach (var adapter in adapters)
        {
            if (!this.adapters.TryAdd(adapter.Platform, new AccountScopedAdapter(adapter)))
            {
                throw new InvalidOperationException($"Two adapters are registered for platform '{adapter.Platform}'.");
            }
        }
    }

    /// <summary>Registered platform keys, sorted.</summary>
    public IReadOnlyList<string> Platforms => adapters.Keys.Order(StringComparer.Ordinal).ToArray();

    public bool TryGet(string platform, out IPlatformAdapter adapter) =>
        adapters.TryGetValue(Accounts.Platforms.Normalize(platform), out adapter!);

    public IPlatformAdapter Get(string platform) =>
        TryGet(platform, out var adapter)
            ? adapter
            : throw new KeyNotFoundException($"No adapter is registered for platform '{platform}'.");
}
