namespace Monitor.Core.Adapters;

/// <summary>
/// Each platform's <c>Monitor:Platforms:&lt;Platform&gt;:MaxConcurrency</c>, collected from the registrations that
/// <see cref="AdapterRegistration.AddPlatformAdapter{TAdapter,TOptions}"/> adds; platforms without one get the fallback.
/// </summary>
public sealed class PlatformConcurrency(IEnumerable<PlatformConcurrencyLimit> limits)
{
    private readonly Dictionary<string, int> limits = limits.ToDictionary(l => l.Platform, l => l.MaxConcurrency, StringComparer.Ordinal);

    /// <summary>The platform's limit, or <paramref name="fallback"/> when it has none.</summary>
    public int LimitFor(string platform, int fallback) => limits.GetValueOrDefault(platform, fallback);
}

/// <summary>One platform's cap on accounts polled at once by a worker.</summary>
public sealed record PlatformConcurrencyLimit(string Platform, int MaxConcurrency);
