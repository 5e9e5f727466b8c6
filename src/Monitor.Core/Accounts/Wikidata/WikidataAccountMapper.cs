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
        var ordered = OneNamePerXUser(WikidataRanks.SelectBest(statements), problems)
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

    /// <summary>
    /// Usernames of one X user id (qualifier P6552) are one account renamed without the old name being closed; polling
    /// both would count it twice. The first username (ordinal) is kept and the others reported.
    /// </summary>
    private static IEnumerable<WikidataStatement> OneNamePerXUser(IEnumerable<WikidataStatement> statements, ICollection<string> problems)
    {
        var kept = new Dictionary<(string, string), string>();
        foreach (var statement in statements.OrderBy(s => s.Value, StringComparer.Ordinal))
        {
            if (statement.Platform != Platforms.X || statement.XUserId is not { } userId)
            {
                yield return statement;
            }
            else if (!kept.TryGetValue((statement.Qid, userId), out var first))
            {
                kept[(statement.Qid, userId)] = statement.Value;
                yield return statement;
            }
            else if (!string.Equals(first, statement.Value, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{statement.Qid} x '{statement.Value}' skipped: the same X user id {userId} as '{first}', which is kept.");
            }
        }
    }

    /// <summary>Wikidata writes a Mastodon address <c>user@instance</c>; the adapter reads <c>@user@instance</c>.</summary>
    private static string ToHandle(string platform, string value) =>
        platform == Platforms.Mastodon && !value.StartsWith('@') && !value.Contains("://", StringComparison.Ordinal) ? "@" + value : value;
}
