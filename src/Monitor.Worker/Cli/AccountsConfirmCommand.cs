using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>accounts confirm ID</c>: accepts the new identity of an account stopped as <c>identityChanged</c>. The handle is
/// resolved afresh (one call), the stable id it names now is recorded, and the account is polled again from the next
/// cycle with a fresh cursor; its stored history stays.
/// </summary>
internal static class AccountsConfirmCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The account id (as in accounts list)." };
        var command = new Command("confirm", "Accept the new identity of an account stopped as identityChanged and resume polling it.") { id };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context,
            (services, ct) => ConfirmAsync(services, parseResult.GetValue(id)!, context, ct)));
        return command;
    }

    private static async Task<int> ConfirmAsync(IServiceProvider services, string accountId, CliContext context, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IAccountStore>();
        var record = (await store.ListAccountsAsync(cancellationToken)).FirstOrDefault(r => r.Account.Id == accountId);
        if (record is null)
        {
            await context.Error.WriteLineAsync($"Unknown account '{accountId}'.");
            return ExitCodes.UnknownAccount;
        }

        if (record.State.LastStatus != PollStatus.IdentityChanged)
        {
            await context.Error.WriteLineAsync(
                $"Account '{accountId}' is not waiting for confirmation (status {record.State.LastStatus?.ToWireName() ?? "new"}); nothing changed.");
            return ExitCodes.StartupFailed;
        }

        // Resolved as on first contact: the identity the handle names now is the one accepted.
        var seen = await AccountVerification.VerifyAsync(services.GetRequiredService<AdapterRegistry>(), services.GetRequiredService<SecretRedactor>(),
            record, record.State.Cursor with { ExternalId = null }, cancellationToken);
        if (!seen.Status.IsSuccess() || seen.Identity is not { } identity)
        {
            await context.Error.WriteLineAsync($"Could not resolve {record.Account.Handle} ({seen.Status.ToWireName()}: {seen.Error}); nothing changed.");
            return ExitCodes.StartupFailed;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await store.ConfirmIdentityAsync(accountId, identity.StableId, now, cancellationToken))
        {
            await context.Error.WriteLineAsync($"Account '{accountId}' changed while confirming; nothing changed.");
            return ExitCodes.StartupFailed;
        }

        await context.Output.WriteLineAsync(
            $"{accountId}: accepted {AccountVerification.Describe(identity)} as the identity of {record.Account.Handle}; polling resumes with the next cycle.");
        return ExitCodes.Success;
    }
}
