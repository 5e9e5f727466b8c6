using System.Globalization;
using Monitor.Core.Adapters;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// Maps the best-ranked statements to account rows: the handle in the form the platform's adapter accepts, the id
/// <c>qid-platform-handle</c> (stable across imports; an item may list several handles on one platform), one row per id.
/// </summary>
internal static class WikidataAccountMapper
{
    public static IReadOnlyList<AccountCsvRow> ToRows(IEnumerable<WikidataStatement> statements, AdapterRegistry adapters, ICollection<string> problems)
    {
        var rows = new Dictionary<string, AccountCsvRow>(StringComparer.OrdinalIgnoreCase);
        // One order for everything below: the first of duplicate ids wins (a president who is also head of government
        // stays HeadOfState, the earlier actor type), and the output is the same for the same answers.
        var ordered = WikidataRanks.SelectBest(statements)
            .OrderBy(s => s.Country, StringComparer.Ordinal)
            .ThenBy(s => s.Actor)
            .ThenBy(s => long.Parse(s.Qid.AsSpan(1), CultureInfo.InvariantCulture))
            .ThenBy(s => s.Platform, StringComparer.Ordinal)
            .ThenBy(s => s.Value, StringComparer.Ordinal);
        foreach (var statement in ordered)
        {
            var handle = ToHandle(statement.Platform, statement.Value);
            if (!adapters.TryGet(statement.Platform, out var adapter))
            {
                continue;
            }

            if (adapter.ValidateHandle(handle) is { } invalid)
            {
                problems.Add($"{statement.Qid} {statement.Platform} '{statement.Value}' skipped: {invalid}");
                continue;
            }

            var id = $"{statement.Qid.ToLowerInvariant()}-{statement.Platform}-{AccountHandleKey.Slug(statement.Platform, handle)}";
            rows.TryAdd(id, new AccountCsvRow(id, statement.Platform, handle, statement.Country, statement.Actor.ToString(),
                Name: statement.Label ?? string.Empty, Enabled: "true", Wikidata: statement.Qid, Source: AccountSources.Wikidata));
        }

        return rows.Values.ToArray();
    }

    /// <summary>Wikidata writes a Mastodon address <c>user@instance</c>; the adapter reads <c>@user@instance</c>.</summary>
    private static string ToHandle(string platform, string value) =>
        platform == Platforms.Mastodon && !value.StartsWith('@') && !value.Contains("://", StringComparison.Ordinal) ? "@" + value : value;
}
