using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Export;
using Monitor.Core.Storage;

namespace Monitor.Worker.Cli;

/// <summary><c>accounts list</c> (with polling state) and <c>accounts validate</c> (every problem, with file and line).</summary>
internal static class AccountsCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List tracked accounts with their polling state.") { TreatUnmatchedTokensAsErrors = false };
        list.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, async (services, ct) =>
        {
            var records = await services.GetRequiredService<IAccountStore>().ListAccountsAsync(ct);
            TextTable.Write(context.Output,
                ["id", "platform", "country", "actor", "enabled", "status", "lastPoll", "nextPoll", "failures", "handle"],
                records.Select(r => new[]
                {
                    r.Account.Id, r.Account.Platform, r.Account.Country, r.Account.Actor.ToString(), r.Account.Enabled ? "yes" : "no",
                    r.State.LastStatus?.ToWireName() ?? "new", RecordExporter.Iso(r.State.LastPollAt), RecordExporter.Iso(r.State.NextPollAt),
                    r.State.ConsecutiveFailures.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Account.Handle,
                }));
            await context.Output.WriteLineAsync($"{records.Count} accounts ({records.Count(r => r.Account.Enabled)} enabled).");
            return ExitCodes.Success;
        }));

        var validate = new Command("validate", "Check the account list (file and inline) and print every problem with its file and line.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        validate.SetAction((parseResult, _) => ValidateAsync(parseResult, context));

        return new Command("accounts", "Inspect the tracked account list.")
        {
            list, validate,
            AccountsVerifyCommand.Create(context),
            AccountsConfirmCommand.Create(context),
        };
    }

    /// <summary>Validation needs no store: it builds the services without starting the host.</summary>
    private static async Task<int> ValidateAsync(ParseResult parseResult, CliContext context)
    {
        if (!ConfigurationOverrides.TryCollect(parseResult.UnmatchedTokens, out var configurationArgs, out var error))
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.StartupFailed;
        }

        using var host = Hosting.MonitorHostBuilder.Create(configurationArgs, Hosting.HostMode.Command, context.ConfigureHost).Build();
        var result = host.Services.GetRequiredService<AccountListLoader>().Load();
        foreach (var problem in result.Errors)
        {
            await context.Output.WriteLineAsync(problem);
        }

        var byPlatform = string.Join(", ", result.Accounts.GroupBy(a => a.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        await context.Output.WriteLineAsync(result.IsValid
            ? $"OK: {result.Accounts.Count} accounts ({byPlatform})."
            : $"{result.Errors.Count} problem(s) found; {result.Accounts.Count} valid accounts.");
        return result.IsValid ? ExitCodes.Success : ExitCodes.StartupFailed;
    }
}
