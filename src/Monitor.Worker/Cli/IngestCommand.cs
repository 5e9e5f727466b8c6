using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;

namespace Monitor.Worker.Cli;

/// <summary><c>ingest --once [--account ID]</c>: poll every enabled account (or one) now, ignoring the schedule.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var once = new Option<bool>("--once") { Description = "Poll once and exit (required: the long-running mode is 'run')." };
        var account = new Option<string?>("--account") { Description = "Poll only this account id." };
        var wide = new Option<bool>("--wide") { Description = "Show errors in full (default: the table fits 120 columns)." };
        var command = new Command("ingest", "Poll accounts once now, print a per-account summary and exit (0: all succeeded, 2: some failed).")
        {
            once, account, wide,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) =>
        {
            if (!parseResult.GetValue(once))
            {
                context.Error.WriteLine("ingest needs --once (use 'run' for the scheduled service).");
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            var accountId = parseResult.GetValue(account);
            var isWide = parseResult.GetValue(wide);
            return CommandHost.RunAsync(parseResult, context, (services, ct) => IngestAsync(services, accountId, isWide, context, ct));
        });
        return command;
    }

    private static async Task<int> IngestAsync(IServiceProvider services, string? accountId, bool wide, CliContext context, CancellationToken cancellationToken)
    {
        if (accountId is not null)
        {
            var known = await services.GetRequiredService<IAccountStore>().ListAccountsAsync(cancellationToken);
            if (!known.Any(a => a.Account.Id == accountId && a.Account.Enabled))
            {
                await context.Error.WriteLineAsync($"Unknown or disabled account '{accountId}'.");
                return ExitCodes.UnknownAccount;
            }
        }

        var summary = await services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(IgnoreSchedule: true, accountId), cancellationToken);
        TextTable.Write(context.Output,
            [
                new("account"), new("platform"), new("status"), new("http", RightAligned: true), new("new", RightAligned: true),
                new("seen", RightAligned: true), new("edited", RightAligned: true), new("deleted", RightAligned: true),
                new("ms", RightAligned: true), new("error", Shrinks: true),
            ],
            summary.Polls.Select(p => new[]
            {
                p.AccountId, p.Platform, p.Status.ToWireName(), p.HttpStatus?.ToString(CultureInfo.InvariantCulture),
                p.NewPosts.ToString(CultureInfo.InvariantCulture), p.SeenPosts.ToString(CultureInfo.InvariantCulture),
                p.EditedPosts.ToString(CultureInfo.InvariantCulture), p.DeletedPosts.ToString(CultureInfo.InvariantCulture),
                ((long)p.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), p.Error,
            }), wide);
        await context.Output.WriteLineAsync(
            $"{Plural.Count(summary.Polls.Count, "account")} polled, {summary.Failed} failed, {summary.NewPosts} new posts in {summary.Elapsed.TotalSeconds:0.0} s.");
        return summary.Failed > 0 ? ExitCodes.SomeAccountsFailed : ExitCodes.Success;
    }
}
