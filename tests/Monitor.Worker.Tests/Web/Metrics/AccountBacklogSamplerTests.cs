using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;
using Monitor.Worker.Web.Metrics;

namespace Monitor.Worker.Tests.Web.Metrics;

public sealed class AccountBacklogSamplerTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Count_MixedAccounts_DueIncludesNeverPolledOverdueOnlyPastTheThreshold()
    {
        AccountRecord[] records =
        [
            Record("new", next: null),
            Record("due-now", next: Now),
            Record("due-14min", next: Now.AddMinutes(-14)),
            Record("overdue", next: Now.AddMinutes(-16)),
            Record("later", next: Now.AddMinutes(1)),
            Record("disabled-overdue", next: Now.AddDays(-1), enabled: false),
        ];

        var backlog = AccountBacklogSampler.Count(records, Now, TimeSpan.FromMinutes(15));

        Assert.Equal(new AccountBacklog(4, 1), backlog);
    }

    private static AccountRecord Record(string id, DateTimeOffset? next, bool enabled = true) => new(
        new TrackedAccount(id, Platforms.Rss, $"http://127.0.0.1:1/{id}.xml", "FRA", ActorType.Embassy, Enabled: enabled),
        PollState.New with { NextPollAt = next });
}
