using Monitor.Core.Adapters;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>Accounts stopped as identityChanged: never claimed until <c>accounts confirm</c> accepts the new identity.</summary>
public abstract partial class StoreContractTests
{
    private static readonly FetchResult IdentityChanged =
        FetchResult.Failed(PollStatus.IdentityChanged, "The handle now resolves to another account.") with
        {
            Identity = new AccountIdentity("new-id", "handle"),
        };

    [Fact]
    public async Task ClaimDue_IdentityChangedAccount_IsNeverClaimedEvenIgnoringTheSchedule()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("hijacked")], Start, Ct);
        await RecordAsync(host, "hijacked", IdentityChanged, nextPollAt: Start);

        var due = await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start.AddHours(1), Lease, 5), Ct);
        var forced = await host.Accounts.ClaimDueAsync(new ClaimRequest("w2", Start.AddHours(1), Lease, 5, IgnoreSchedule: true, AccountId: "hijacked"), Ct);

        Assert.Equal(["a"], due.Select(l => l.Account.Id));
        Assert.Empty(forced);
    }

    [Fact]
    public async Task ConfirmIdentity_WaitingAccount_StartsOverWithTheAcceptedIdAndIsDueAgain()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("hijacked")], Start, Ct);
        await RecordAsync(host, "hijacked", new FetchResult
        {
            Status = PollStatus.Ok,
            Cursor = new PollCursor("\"etag\"", "Thu, 01 Jan 2026 00:00:00 GMT", "{\"newest\":\"9\"}", "old-id"),
        });
        await RecordAsync(host, "hijacked", IdentityChanged, capturedAt: Start.AddMinutes(30), nextPollAt: Start.AddDays(1));

        var confirmed = await host.Accounts.ConfirmIdentityAsync("hijacked", "new-id", Start.AddHours(2), Ct);

        Assert.True(confirmed);
        var state = Assert.Single(await host.Accounts.ListAccountsAsync(Ct)).State;
        Assert.Equal(new PollCursor(ExternalId: "new-id"), state.Cursor);
        Assert.Null(state.LastStatus);
        Assert.Null(state.LastError);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(Start.AddHours(2), state.NextPollAt);
        Assert.NotNull(state.LastSuccessAt); // not a first poll again: the history stays
        var lease = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start.AddHours(2), Lease, 5), Ct));
        Assert.Equal("hijacked", lease.Account.Id);
    }

    [Fact]
    public async Task ConfirmIdentity_AccountNotWaitingOrUnknown_ChangesNothing()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("fine")], Start, Ct);
        var cursor = new PollCursor(Position: "7", ExternalId: "id-1");
        await RecordAsync(host, "fine", new FetchResult { Status = PollStatus.Ok, Cursor = cursor });

        Assert.False(await host.Accounts.ConfirmIdentityAsync("fine", "other", Start.AddHours(1), Ct));
        Assert.False(await host.Accounts.ConfirmIdentityAsync("missing", "other", Start.AddHours(1), Ct));

        var state = Assert.Single(await host.Accounts.ListAccountsAsync(Ct)).State;
        Assert.Equal(cursor, state.Cursor);
        Assert.Equal(PollStatus.Ok, state.LastStatus);
    }
}
