using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;

namespace Monitor.Core.Accounts;

/// <summary>
/// Loads the tracked accounts from <c>Monitor:AccountsFile</c> (CSV) and <c>Monitor:Accounts</c> (inline) and validates
/// them all, collecting every problem with its file and line rather than stopping at the first.
/// </summary>
public sealed class AccountListLoader(IOptions<AccountsOptions> options, AdapterRegistry adapters, IHostEnvironment environment)
{
    private static readonly string[] Header = [.. AccountCsvRow.Columns];

    /// <summary>Reads and validates the configured accounts.</summary>
    public AccountList Load()
    {
        var errors = new List<string>();
        var accounts = new List<TrackedAccount>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(options.Value.AccountsFile))
        {
            var path = ResolvePath(options.Value.AccountsFile);
            if (File.Exists(path))
            {
                foreach (var (line, entry) in ReadCsv(path, errors))
                {
                    Add(entry, $"{path}:{line}", accounts, seen, errors);
                }
            }
            else
            {
                errors.Add($"Monitor:AccountsFile: file '{path}' does not exist.");
            }
        }

        for (var i = 0; i < options.Value.Accounts.Count; i++)
        {
            Add(options.Value.Accounts[i], $"Monitor:Accounts:{i}", accounts, seen, errors);
        }

        return new AccountList(accounts, errors);
    }

    /// <summary>The accounts file path as resolved against the content root.</summary>
    public string ResolvePath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));

    private static IEnumerable<(int Line, AccountEntry Entry)> ReadCsv(string path, List<string> errors)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            AllowComments = true,
            Comment = '#',
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add($"{path}:1: empty file; expected header {string.Join(',', Header)}.");
            yield break;
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = header.Except(Header).ToArray();
        var missing = Header.Take(5).Except(header).ToArray();
        if (missing.Length > 0 || unknown.Length > 0)
        {
            errors.Add($"{path}:1: header must be {string.Join(',', Header)} (last five optional)"
                + (missing.Length > 0 ? $"; missing {string.Join(", ", missing)}" : string.Empty)
                + (unknown.Length > 0 ? $"; unknown {string.Join(", ", unknown)}" : string.Empty) + ".");
            yield break;
        }

        while (csv.Read())
        {
            string? Field(string name)
            {
                var index = Array.IndexOf(header, name);
                return index >= 0 && csv.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
            }

            var enabledText = Field("enabled");
            bool? enabled = null;
            if (enabledText is not null)
            {
                enabled = ParseBool(enabledText);
                if (enabled is null)
                {
                    errors.Add($"{path}:{csv.Parser.RawRow}: enabled '{enabledText}' must be true or false.");
                    continue;
                }
            }

            yield return (csv.Parser.RawRow, new AccountEntry
            {
                Id = Field("id"),
                Platform = Field("platform"),
                Handle = Field("handle"),
                Country = Field("country"),
                Actor = Field("actor"),
                Name = Field("name"),
                Language = Field("language"),
                Enabled = enabled,
                Wikidata = Field("wikidata"),
                Source = Field("source"),
            });
        }
    }

    private void Add(AccountEntry entry, string where, List<TrackedAccount> accounts, Dictionary<string, string> seen, List<string> errors)
    {
        var problems = new List<string>();
        var id = entry.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            problems.Add("missing id");
        }
        else if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            problems.Add($"id '{id}' may contain only letters, digits, '-', '_' and '.'");
        }
        else if (seen.TryGetValue(id, out var first))
        {
            problems.Add($"duplicate id '{id}' (first defined at {first})");
        }

        var platform = Platforms.Normalize(entry.Platform);
        IPlatformAdapter? adapter = null;
        if (platform.Length == 0)
        {
            problems.Add("missing platform");
        }
        else if (!adapters.TryGet(platform, out adapter))
        {
            problems.Add($"unknown platform '{entry.Platform}' (known: {string.Join(", ", adapters.Platforms)})");
        }

        var handle = entry.Handle?.Trim();
        if (string.IsNullOrEmpty(handle))
        {
            problems.Add("missing handle");
        }
        else if (adapter?.ValidateHandle(handle) is { } handleError)
        {
            problems.Add($"handle '{handle}': {handleError}");
        }

        var country = entry.Country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country))
        {
            problems.Add("missing country");
        }
        else if (!CountryCodes.IsValid(country))
        {
            problems.Add($"invalid country code '{entry.Country}' (expected ISO 3166-1 alpha-3, e.g. GBR)");
        }

        ActorType actor = default;
        if (string.IsNullOrWhiteSpace(entry.Actor))
        {
            problems.Add("missing actor");
        }
        else if (!Enum.TryParse(entry.Actor.Trim(), ignoreCase: true, out actor) || !Enum.IsDefined(actor)
                 || int.TryParse(entry.Actor, out _))
        {
            problems.Add($"unknown actor '{entry.Actor}' (known: {string.Join(", ", Enum.GetNames<ActorType>())})");
        }

        if (!string.IsNullOrWhiteSpace(entry.Wikidata) && !IsQid(entry.Wikidata.Trim()))
        {
            problems.Add($"wikidata '{entry.Wikidata}' must be an item id such as Q42");
        }

        if (!string.IsNullOrWhiteSpace(entry.Source) && !AccountSources.All.Contains(entry.Source.Trim().ToLowerInvariant()))
        {
            problems.Add($"unknown source '{entry.Source}' (known: {string.Join(", ", AccountSources.All)})");
        }

        if (problems.Count > 0)
        {
            errors.Add($"{where}: {string.Join("; ", problems)}.");
            return;
        }

        seen[id!] = where;
        accounts.Add(new TrackedAccount(id!, platform, handle!, country!, actor,
            string.IsNullOrWhiteSpace(entry.Name) ? null : entry.Name.Trim(),
            string.IsNullOrWhiteSpace(entry.Language) ? null : entry.Language.Trim(),
            entry.Enabled ?? true));
    }

    private static bool IsQid(string text) => text.Length > 1 && text[0] == 'Q' && text[1] != '0' && text.Skip(1).All(char.IsAsciiDigit);

    private static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" => true,
        "false" or "0" or "no" or "n" => false,
        _ => null,
    };
}

/// <summary>The loaded accounts and every problem found; valid when <see cref="Errors"/> is empty.</summary>
public sealed record AccountList(IReadOnlyList<TrackedAccount> Accounts, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
