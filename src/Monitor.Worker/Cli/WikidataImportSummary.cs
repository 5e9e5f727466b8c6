using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Wikidata;

namespace Monitor.Worker.Cli;

/// <summary>What <c>accounts import wikidata</c> reports on standard error: coverage, accounts per platform and actor, merge counts and conflicts.</summary>
internal static class WikidataImportSummary
{
    public static async Task WriteAsync(TextWriter writer, WikidataImportResult result, AccountMergeResult? merge, FileInfo? output)
    {
        var covered = result.Rows.Select(r => r.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
        var coverage = $"countries covered: {covered.Length} of {result.CountriesRequested.Count}";
        if (result.CountriesRequested.Count <= 10)
        {
            var missing = result.CountriesRequested.Except(covered).ToArray();
            coverage += $" ({string.Join(", ", covered)}{(missing.Length > 0 ? $"; none for {string.Join(", ", missing)}" : string.Empty)})";
        }

        await writer.WriteLineAsync($"Wikidata: {result.Rows.Count} accounts from {result.Queries} queries; {coverage}.");
        await writer.WriteLineAsync($"By platform: {Counts(result.Rows.GroupBy(r => r.Platform))}.");
        await writer.WriteLineAsync($"By actor: {Counts(result.Rows.GroupBy(r => r.Actor))}.");
        foreach (var problem in result.Problems)
        {
            await writer.WriteLineAsync("Skipped: " + problem);
        }

        if (merge is not null)
        {
            await writer.WriteLineAsync($"Merge: {merge.Added} added, {merge.Updated} updated, {merge.Unchanged} unchanged, "
                + $"{merge.Kept} kept (not returned by this import), {merge.Conflicts.Count} conflicts.");
            foreach (var conflict in merge.Conflicts)
            {
                await writer.WriteLineAsync("Conflict: " + conflict);
            }
        }

        if (output is not null)
        {
            await writer.WriteLineAsync($"Wrote {(merge?.Rows ?? result.Rows).Count} rows to {output.FullName}.");
        }
    }

    private static string Counts(IEnumerable<IGrouping<string, AccountCsvRow>> groups)
    {
        var text = string.Join(", ", groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        return text.Length == 0 ? "none" : text;
    }
}
