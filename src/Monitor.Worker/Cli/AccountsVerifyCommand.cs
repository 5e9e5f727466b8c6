using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>accounts verify [--account ID]</c>: resolves every enabled account with one cheap call each (a profile lookup, a
/// conditional GET of a feed), reads no posts and stores nothing; prints <c>ok</c>, <c>notFound</c>, <c>suspended</c>,
/// <c>renamed</c>, <c>identityChanged</c>, <c>unauthorized</c> (or <c>error</c>, <c>rateLimited</c>) per account and
/// exits 2 when any is not <c>ok</c>.
/// </summary>
internal static class AccountsVerifyCommand
{
    /// <summary>Accounts resolved at once; each platform's own limits still apply through its HttpClient pipeline.</summary>
    private const int Parallelism = 4;

    public static Command Create(CliContext context)
    {
        var account = new Option<string?>("--account") { Description = "Verify only this account id." };
        var command = new Command("verify", "Resolve every account without fetching posts; exit 2 when any is not ok.") { account };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context,
            (services, ct) => VerifyAsync(services, parseResult.GetValue(account), context, ct)));
        return command;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, string? accountId, CliContext context, CancellationToken cancellationToken)
    {
        var records = (await services.GetRequiredService<IAccountStore>().ListAccountsAsync(cancellationToken))
            .Where(r => r.Account.Enabled && (accountId is null || r.Account.Id == accountId))
            .ToArray();
        if (accountId is not null && records.Length == 0)
        {
            await context.Error.WriteLineAsync($"Unknown or disabled account '{accountId}'.");
            return ExitCodes.UnknownAccount;
        }

        var adapters = services.GetRequiredService<AdapterRegistry>();
        var redactor = services.GetRequiredService<SecretRedactor>();
        var results = new FetchResult[records.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await AccountVerification.VerifyAsync(adapters, redactor, records[i], records[i].State.Cursor, ct));

        // The handle gives up width first; the stable id is what an operator checks, so it is never cut.
        TextTable.Write(context.Output, ["id", "platform", "verdict", "identity", new TextColumn("handle", Shrinks: true)],
            records.Select((r, i) => new[]
            {
                r.Account.Id, r.Account.Platform, AccountVerification.Verdict(results[i].Status),
                AccountVerification.Describe(results[i].Identity), redactor.Redact(r.Account.Handle),
            }));
        foreach (var (record, result) in records.Zip(results).Where(p => AccountVerification.Verdict(p.Second.Status) != "ok"))
        {
            await context.Output.WriteLineAsync($"{record.Account.Id}: {result.Error}");
        }

        var notOk = results.Count(r => AccountVerification.Verdict(r.Status) != "ok");
        await context.Output.WriteLineAsync($"{records.Length} accounts verified, {notOk} not ok.");
        return notOk > 0 ? ExitCodes.SomeAccountsFailed : ExitCodes.Success;
    }
}
