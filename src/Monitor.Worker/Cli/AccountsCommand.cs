using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Export;
using Monitor.Core.Storage;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>accounts list</c> (stored accounts with polling state; read-only), <c>accounts sync</c> (writes the configured
/// list into the store) and <c>accounts validate</c> (every problem, with file and line). A subcommand is one line in
/// <see cref="Create"/>.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create(CliContext context) => new("accounts", "Inspect, sync and validate the tracked account list.")
    {
        List(context),
        Sync(context),
        Validate(context),
        AccountsImportCommand.Create(context),
        AccountsDiscoverCommand.Create(context),
        AccountsVerifyCommand.Create(context),
        AccountsConfirmCommand.Create(context),
    };

    private static Command List(CliContext context)
    {
        var wide = new Option<bool>("--wide") { Description = "Show every column in full (default: fit 120 columns)." };
        var list = new Command("list", "List the accounts in the store with their polling state (reads only; see 'accounts sync').")
        {
            wide,
        };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, async (services, ct) =>
        {
            var records = await services.GetRequiredService<IAccountStore>().ListAccountsAsync(ct);
            var isWide = parseResult.GetValue(wide);
            TextTable.Write(context.Output,
            [
                new("id"), new("platform"), new("country"), new("actor"), new("enabled"), new("status"),
                new("lastPoll"), new("nextPoll"), new("failures", RightAligned: true), new("handle", Shrinks: true),
            ],
            records.Select(r => new[]
            {
                r.Account.Id, r.Account.Platform, r.Account.Country, r.Account.Actor.ToString(), r.Account.Enabled ? "yes" : "no",
                r.State.LastStatus?.ToWireName() ?? "new", Time(r.State.LastPollAt, isWide), Time(r.State.NextPollAt, isWide),
                r.State.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture), r.Account.Handle,
            }), isWide);
            await context.Output.WriteLineAsync($"{Plural.Count(records.Count, "account")} ({records.Count(r => r.Account.Enabled)} enabled).");
            return ExitCodes.Success;
        }, HostMode.ReadOnlyCommand));
        return list;
    }

    private static Command Sync(CliContext context)
    {
        var sync = new Command("sync",
            "Write the configured account list into the store (new accounts added, changed ones updated, removed ones disabled); "
            + "creates or migrates the store. 'run' and 'ingest' do the same when they start.");
        sync.TreatUnmatchedTokensAsErrors = false;
        sync.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, async (services, ct) =>
        {
            // The host's start-up (StoreInitializer) migrated the store and synced the list; this reports the result.
            var records = await services.GetRequiredService<IAccountStore>().ListAccountsAsync(ct);
            await context.Output.WriteLineAsync(
                $"Synced: {Plural.Count(records.Count(r => r.Account.Enabled), "enabled account")}, {records.Count(r => !r.Account.Enabled)} disabled, in the store.");
            return ExitCodes.Success;
        }));
        return sync;
    }

    private static Command Validate(CliContext context)
    {
        var validate = new Command("validate",
            "Check every setting and the account list (file and inline); print every problem with its key, or file and line.");
        validate.TreatUnmatchedTokensAsErrors = false;
        validate.SetAction((parseResult, _) => ValidateAsync(parseResult, context));
        return validate;
    }

    private static string? Time(DateTimeOffset? time, bool wide) =>
        wide ? RecordExporter.Iso(time) : time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Validation needs no store: it builds the service's host without starting it, runs every settings section's
    /// validation, looks for unknown <c>Monitor:</c> keys, and loads the account list.
    /// </summary>
    private static async Task<int> ValidateAsync(ParseResult parseResult, CliContext context)
    {
        if (!ConfigurationOverrides.TryCollect(parseResult.UnmatchedTokens, out var configurationArgs, out var error))
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.StartupFailed;
        }

        IHost host;
        try
        {
            host = MonitorHostBuilder.Create(configurationArgs, HostMode.Service, context.ConfigureHost).Build();
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } buildProblems)
        {
            // A value the registration itself reads (the poll schedule) cannot be converted.
            foreach (var problem in buildProblems)
            {
                await context.Output.WriteLineAsync(problem);
            }

            return ExitCodes.StartupFailed;
        }

        using var built = host;
        var problems = new List<string>();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } settings)
        {
            problems.AddRange(settings);
        }

        problems.AddRange(UnknownSettings.Find(host.Services.GetRequiredService<IConfiguration>(), host.Services.GetServices<SettingsSection>())
            .Select(unknown => unknown.ToString()));
        var result = host.Services.GetRequiredService<AccountListLoader>().Load();
        problems.AddRange(result.Errors);
        foreach (var problem in problems)
        {
            await context.Output.WriteLineAsync(problem);
        }

        var byPlatform = string.Join(", ", result.Accounts.GroupBy(a => a.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        await context.Output.WriteLineAsync(problems.Count == 0
            ? $"OK: {Plural.Count(result.Accounts.Count, "account")} ({byPlatform}); every setting is valid."
            : $"{problems.Count} problem(s) found; {Plural.Count(result.Accounts.Count, "valid account")}.");
        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.StartupFailed;
    }
}
