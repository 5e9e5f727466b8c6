using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Wikidata;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>accounts import wikidata [--countries GBR,FRA|all] [--actors …] [--platforms …] [--output FILE] [--merge FILE]</c>:
/// accounts CSV from Wikidata, optionally merged into an existing list; a summary goes to standard error.
/// </summary>
internal static class AccountsImportCommand
{
    private static readonly string[] AllPlatforms =
        [Platforms.Rss, Platforms.Mastodon, Platforms.Bluesky, Platforms.YouTube, Platforms.X, Platforms.Facebook, Platforms.Telegram];

    public static Command Create(CliContext context)
    {
        var countries = new Option<string>("--countries") { Description = "Alpha-3 codes (GBR,FRA) or all.", DefaultValueFactory = _ => "all" };
        var actors = new Option<string>("--actors")
        {
            Description = "Actor types.",
            DefaultValueFactory = _ => string.Join(',', WikidataQueryBuilder.Actors),
        };
        var platforms = new Option<string>("--platforms") { Description = "Platform keys.", DefaultValueFactory = _ => string.Join(',', AllPlatforms) };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the CSV to this file instead of standard output." };
        var merge = new Option<FileInfo?>("--merge") { Description = "Merge into this accounts file (read only; the result goes to --output or standard output)." };
        var wikidata = new Command("wikidata", "Import foreign ministries, heads of state and government, foreign ministers and embassies from Wikidata.")
        {
            countries, actors, platforms, output, merge,
        };
        wikidata.TreatUnmatchedTokensAsErrors = false;
        wikidata.SetAction((parseResult, ct) => RunAsync(parseResult, context, ct,
            parseResult.GetValue(countries)!, parseResult.GetValue(actors)!, parseResult.GetValue(platforms)!, parseResult.GetValue(output), parseResult.GetValue(merge)));
        return new Command("import", "Import accounts from an outside source.") { wikidata };
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken ct,
        string countryList, string actorList, string platformList, FileInfo? output, FileInfo? merge)
    {
        if (ParseRequest(countryList, actorList, platformList, out var error) is not { } request)
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.StartupFailed;
        }

        IReadOnlyList<AccountCsvRow>? existing = null;
        try
        {
            existing = merge is null ? null : AccountCsvFile.Read(merge.FullName);
        }
        catch (Exception ex) when (ex is AccountCsvException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"--merge: {ex.Message}");
            return ExitCodes.StartupFailed;
        }

        return await UnstartedHost.RunAsync(parseResult, context, ct, async (services, token) =>
        {
            if (string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<WikidataOptions>>().Value.Contact))
            {
                await context.Error.WriteLineAsync($"{WikidataOptions.SectionPath}:Contact is not set: the Wikidata query service's "
                    + "User-Agent policy asks for a way to reach you; set it to an e-mail address or URL, e.g. --Monitor:Wikidata:Contact=you@example.org.");
                return ExitCodes.StartupFailed;
            }

            WikidataImportResult result;
            try
            {
                result = await services.GetRequiredService<WikidataImporter>().ImportAsync(request, token);
            }
            catch (WikidataQueryException ex)
            {
                await context.Error.WriteLineAsync(ex.Message + " Nothing was written.");
                return ExitCodes.SomeAccountsFailed;
            }

            var merged = existing is null ? null : AccountListMerger.Merge(existing, result.Rows);
            var rows = merged?.Rows ?? result.Rows;
            if (!await AccountRowsOutput.TryWriteAsync(context, output, rows))
            {
                return ExitCodes.StartupFailed;
            }

            await WikidataImportSummary.WriteAsync(context.Error, result, merged, output);
            return ExitCodes.Success;
        });
    }

    private static WikidataImportRequest? ParseRequest(string countryList, string actorList, string platformList, out string? error)
    {
        var countries = string.Equals(countryList.Trim(), "all", StringComparison.OrdinalIgnoreCase)
            ? CountryCodes.All.Order(StringComparer.Ordinal).ToArray()
            : UnstartedHost.SplitList(countryList).Select(c => c.ToUpperInvariant()).Distinct().ToArray();
        var actorNames = UnstartedHost.SplitList(actorList);
        var actors = WikidataQueryBuilder.Actors.Where(a => actorNames.Contains(a.ToString(), StringComparer.OrdinalIgnoreCase)).ToArray();
        var platforms = UnstartedHost.SplitList(platformList).Select(Platforms.Normalize).Distinct().ToArray();
        error = countries.FirstOrDefault(c => !CountryCodes.IsValid(c)) is { } country
                ? $"--countries: unknown country code '{country}' (expected ISO 3166-1 alpha-3 codes such as GBR,FRA, or all)."
            : countries.Length == 0 ? "--countries: give alpha-3 codes such as GBR,FRA, or all."
            : actorNames.FirstOrDefault(n => !actors.Any(a => string.Equals(a.ToString(), n, StringComparison.OrdinalIgnoreCase))) is { } actor
                ? $"--actors: unknown actor type '{actor}' (known: {string.Join(", ", WikidataQueryBuilder.Actors)})."
            : actors.Length == 0 ? $"--actors: give one or more of {string.Join(", ", WikidataQueryBuilder.Actors)}."
            : platforms.FirstOrDefault(p => !AllPlatforms.Contains(p)) is { } platform
                ? $"--platforms: unknown platform '{platform}' (known: {string.Join(", ", AllPlatforms)})."
            : platforms.Length == 0 ? $"--platforms: give one or more of {string.Join(", ", AllPlatforms)}."
            : null;
        return error is null ? new WikidataImportRequest(actors, countries, platforms) : null;
    }
}
