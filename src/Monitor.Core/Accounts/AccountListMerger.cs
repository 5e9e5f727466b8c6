namespace Monitor.Core.Accounts;

/// <summary>
/// Merges imported rows into an existing list. Only rows whose <c>source</c> is <c>wikidata</c> are ever changed, and
/// then keep the operator's <c>enabled</c> and <c>language</c>; manual and discovered rows (a blank source counts as
/// manual) are left as they are; rows the import did not return are kept. An imported row whose id or handle is
/// already taken by a row it may not change is a conflict: reported, not added.
/// </summary>
public static class AccountListMerger
{
    public static AccountMergeResult Merge(IReadOnlyList<AccountCsvRow> existing, IReadOnlyList<AccountCsvRow> imported)
    {
        var rows = existing.ToList();
        var byId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byHandle = new Dictionary<(string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            byId.TryAdd(rows[i].Id, i);
            byHandle.TryAdd(HandleKey(rows[i]), i);
        }

        int added = 0, updated = 0, unchanged = 0;
        var touched = new HashSet<int>();
        var conflicts = new List<string>();
        foreach (var row in imported)
        {
            if (byId.TryGetValue(row.Id, out var index))
            {
                touched.Add(index);
                switch (Update(rows, index, row))
                {
                    case null:
                        conflicts.Add($"{row.Id}: already listed as a {SourceOf(rows[index])} row; kept as it is.");
                        break;
                    case true:
                        updated++;
                        break;
                    case false:
                        unchanged++;
                        break;
                }

                continue;
            }

            if (byHandle.TryGetValue(HandleKey(row), out var same))
            {
                touched.Add(same);
                conflicts.Add($"{row.Id}: {row.Platform} '{row.Handle}' is already listed as {rows[same].Id} ({SourceOf(rows[same])}"
                    + (rows[same].Wikidata.Length > 0 && rows[same].Wikidata != row.Wikidata ? $", {rows[same].Wikidata}" : string.Empty)
                    + "); not added.");
                continue;
            }

            byId[row.Id] = rows.Count;
            byHandle[HandleKey(row)] = rows.Count;
            touched.Add(rows.Count);
            rows.Add(row);
            added++;
        }

        return new AccountMergeResult(rows, added, updated, unchanged, existing.Count - touched.Count(i => i < existing.Count), conflicts);
    }

    /// <summary>Updates an earlier import's row (true if it changed), or returns null when the row is not the import's to change.</summary>
    private static bool? Update(List<AccountCsvRow> rows, int index, AccountCsvRow row)
    {
        var current = rows[index];
        if (!IsImported(current))
        {
            return null;
        }

        var merged = row with
        {
            Enabled = current.Enabled.Length > 0 ? current.Enabled : row.Enabled,
            Language = current.Language.Length > 0 ? current.Language : row.Language,
        };
        rows[index] = merged;
        return merged != current;
    }

    private static bool IsImported(AccountCsvRow row) => string.Equals(row.Source, AccountSources.Wikidata, StringComparison.OrdinalIgnoreCase);

    private static string SourceOf(AccountCsvRow row) => row.Source.Length == 0 ? AccountSources.Manual : row.Source.ToLowerInvariant();

    private static (string, string) HandleKey(AccountCsvRow row) =>
        (Platforms.Normalize(row.Platform), AccountHandleKey.Normalize(row.Platform, row.Handle));
}

/// <summary>What a merge did.</summary>
/// <param name="Rows">The merged rows: the existing ones in their order, new ones appended.</param>
/// <param name="Added">Imported rows new to the list.</param>
/// <param name="Updated">Imported rows that changed an existing <c>wikidata</c> row.</param>
/// <param name="Unchanged">Imported rows equal to the existing row.</param>
/// <param name="Kept">Existing rows the import did not return, kept unchanged.</param>
/// <param name="Conflicts">Imported rows not merged because their id or handle belongs to a row they may not change.</param>
public sealed record AccountMergeResult(
    IReadOnlyList<AccountCsvRow> Rows, int Added, int Updated, int Unchanged, int Kept, IReadOnlyList<string> Conflicts);
