using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Discovery;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>accounts discover URL… [--country GBR] [--actor Embassy] [--output FILE]</c>: reads each home page and prints
/// candidate account rows (<c>source=discover</c>) for its feeds and the profiles it links to. Found links are never fetched.
/// </summary>
internal static class AccountsDiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Argument<string[]>("url") { Description = "Home pages to read (http or https).", Arity = ArgumentArity.OneOrMore };
        var country = new Option<string?>("--country") { Description = "Fill the country column (ISO 3166-1 alpha-3)." };
        var actor = new Option<string?>("--actor") { Description = "Fill the actor column." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the CSV to this file instead of standard output." };
        var command = new Command("discover", "Propose accounts from websites' home pages: their feeds and the social profiles they link to.")
        {
            urls, country, actor, output,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, ct) => RunAsync(parseResult, context, ct,
            parseResult.GetValue(urls) ?? [], parseResult.GetValue(country), parseResult.GetValue(actor), parseResult.GetValue(output)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken ct,
        string[] urlTexts, string? countryText, string? actorText, FileInfo? output)
    {
        var countryCode = countryText?.Trim().ToUpperInvariant() ?? string.Empty;
        var actorName = Enum.GetNames<ActorType>().FirstOrDefault(n => string.Equals(n, actorText?.Trim(), StringComparison.OrdinalIgnoreCase));
        var badUrl = urlTexts.FirstOrDefault(u => !IsWebUrl(u));
        var error = badUrl is not null ? $"'{badUrl}' is not an absolute http or https URL."
            : countryCode.Length > 0 && !CountryCodes.IsValid(countryCode) ? $"--country: unknown country code '{countryText}' (expected ISO 3166-1 alpha-3, e.g. GBR)."
            : actorText is not null && actorName is null ? $"--actor: unknown actor '{actorText}' (known: {string.Join(", ", Enum.GetNames<ActorType>())})."
            : null;
        if (error is not null)
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.StartupFailed;
        }

        return await UnstartedHost.RunAsync(parseResult, context, ct, async (services, token) =>
        {
            var discoverer = services.GetRequiredService<SiteDiscoverer>();
            var rows = new List<AccountCsvRow>();
            var failed = 0;
            foreach (var url in urlTexts.Select(u => new Uri(u.Trim(), UriKind.Absolute)))
            {
                try
                {
                    var found = await discoverer.DiscoverAsync(url, countryCode, actorName ?? string.Empty, token);
                    rows.AddRange(found.Where(f => !rows.Any(r => string.Equals(r.Id, f.Id, StringComparison.OrdinalIgnoreCase))));
                }
                catch (SiteDiscoveryException ex)
                {
                    failed++;
                    await context.Error.WriteLineAsync(ex.Message);
                }
            }

            if (!await AccountRowsOutput.TryWriteAsync(context, output, rows))
            {
                return ExitCodes.StartupFailed;
            }

            await context.Error.WriteLineAsync($"{rows.Count} candidate accounts from {urlTexts.Length - failed} of {urlTexts.Length} pages.");
            return failed > 0 ? ExitCodes.SomeAccountsFailed : ExitCodes.Success;
        });
    }

    private static bool IsWebUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && !text.Trim().StartsWith('/');
}
