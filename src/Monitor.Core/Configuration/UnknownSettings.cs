using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Monitor.Core.Configuration;

/// <summary>A configured key no options class reads, and the known key nearest to it (null when none is close).</summary>
public sealed record UnknownSetting(string Key, string? Nearest)
{
    public override string ToString() => Nearest is null
        ? $"{Key}: not a known setting (see the README's configuration tables)."
        : $"{Key}: not a known setting; did you mean {Nearest}?";
}

/// <summary>
/// Finds <c>Monitor:</c> keys that no registered settings section reads: a typo such as <c>Monitor:Polling:MinInval</c>
/// would otherwise be ignored in silence, leaving the default in force. Keys match case-insensitively, as
/// configuration binding does; list items (<c>Monitor:Accounts:0:Id</c>) and dictionary entries match any index or name.
/// </summary>
public static class UnknownSettings
{
    public const string Root = "Monitor";

    public static IReadOnlyList<UnknownSetting> Find(IConfiguration configuration, IEnumerable<SettingsSection> sections)
    {
        var known = sections.DistinctBy(s => (s.Path.ToUpperInvariant(), s.OptionsType)).ToList();
        var unknown = new List<UnknownSetting>();
        foreach (var (key, value) in configuration.GetSection(Root).AsEnumerable())
        {
            var segments = key.Split(':');
            if (value is null || ChildrenOf(known, segments) is not null)
            {
                continue;
            }

            unknown.Add(new UnknownSetting(key, Nearest(known, segments)));
        }

        return [.. unknown.OrderBy(u => u.Key, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The names below a path (empty for a leaf, null-tolerant for lists and dictionaries), or null when the path is unknown.</summary>
    private static HashSet<string>? ChildrenOf(IReadOnlyList<SettingsSection> sections, string[] segments)
    {
        HashSet<string>? children = null;
        foreach (var section in sections)
        {
            var path = section.Path.Split(':');
            if (segments.Length < path.Length && StartsWith(path, segments))
            {
                (children ??= new(StringComparer.OrdinalIgnoreCase)).Add(path[segments.Length]);
            }
            else if (StartsWith(segments, path) && (segments.Length == path.Length || section.OptionsType is not null)
                && Resolve(section.OptionsType, segments.AsSpan(path.Length)) is { } node)
            {
                (children ??= new(StringComparer.OrdinalIgnoreCase)).UnionWith(node);
            }
        }

        return children;
    }

    /// <summary>The property names of the type a path leads to (empty: a value, or any name below a list/dictionary), or null.</summary>
    private static IEnumerable<string>? Resolve(Type? type, ReadOnlySpan<string> rest)
    {
        if (type is null)
        {
            return rest.IsEmpty ? [] : null;
        }

        while (type is not null)
        {
            if (IsValue(type))
            {
                return rest.IsEmpty ? [] : null;
            }

            if (ItemType(type) is { } item)
            {
                if (rest.IsEmpty)
                {
                    return [];
                }

                type = item;
                rest = rest[1..];
                continue;
            }

            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null);
            if (rest.IsEmpty)
            {
                return properties.Select(p => p.Name);
            }

            var name = rest[0];
            type = properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            rest = rest[1..];
        }

        return null;
    }

    private static bool IsValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying.IsPrimitive || underlying.IsEnum
            || TypeDescriptor.GetConverter(underlying).CanConvertFrom(typeof(string));
    }

    /// <summary>The element type of a list, array or string-keyed dictionary, whose configuration keys are indexes or names.</summary>
    private static Type? ItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var generic = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
        if (generic is not null)
        {
            return generic.GetGenericArguments()[1];
        }

        var enumerable = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>Replaces the first unknown segment with the closest sibling (edit distance at most 2/5 of its length, at least 3).</summary>
    private static string? Nearest(IReadOnlyList<SettingsSection> sections, string[] segments)
    {
        var known = 1;
        while (known < segments.Length && ChildrenOf(sections, segments[..(known + 1)]) is not null)
        {
            known++;
        }

        var siblings = ChildrenOf(sections, segments[..known]);
        if (siblings is null || known >= segments.Length)
        {
            return null;
        }

        var typo = segments[known];
        var best = siblings
            .Select(name => (name, distance: Distance(name.ToUpperInvariant(), typo.ToUpperInvariant())))
            .Where(c => c.distance <= Math.Max(3, typo.Length * 2 / 5) || c.name.StartsWith(typo, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.name is null ? null : string.Join(':', [.. segments[..known], best.name, .. segments[(known + 1)..]]);
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static bool StartsWith(string[] value, string[] prefix) =>
        value.Length >= prefix.Length && prefix.Select((p, i) => string.Equals(p, value[i], StringComparison.OrdinalIgnoreCase)).All(x => x);
}
