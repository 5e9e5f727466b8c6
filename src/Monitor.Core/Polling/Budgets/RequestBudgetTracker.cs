using System.Diagnostics.Metrics;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Core.Polling.Budgets;

/// <summary>
/// Spends each platform's <see cref="RequestBudgetOptions"/> in this worker process: a poll reserves its expected cost
/// (the platform's average cost per poll so far, at least 1) before it starts and settles the cost its requests
/// actually had; a poll whose reservation would exceed the window is refused until the window resets. Budgets live in
/// memory, so each worker process spends its own.
/// </summary>
internal sealed class RequestBudgetTracker
{
    private static readonly TimeSpan CountRefresh = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, PlatformBudget> budgets;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Ledger> ledgers = new(StringComparer.Ordinal);
    private readonly IAccountStore? accounts;
    private Dictionary<string, int> storedAccounts = new(StringComparer.Ordinal);
    private DateTimeOffset? countedAt;

    /// <param name="budgets">Every platform's budget; those with 0 requests are off.</param>
    /// <param name="time">The clock windows are measured with.</param>
    /// <param name="accounts">Where the enabled accounts of each budget are counted; null counts only the accounts seen polling.</param>
    public RequestBudgetTracker(IEnumerable<PlatformBudget> budgets, TimeProvider time, IAccountStore? accounts = null)
    {
        this.budgets = budgets.Where(b => b.Options.Enabled).ToDictionary(b => b.Platform, StringComparer.Ordinal);
        this.time = time;
        this.accounts = accounts;
        MonitorMetrics.RecordBudgets(Remaining);
    }

    /// <summary>Reserves the expected cost of polling <paramref name="account"/> now, or refuses when the budget is spent.</summary>
    public BudgetReservation Reserve(TrackedAccount account)
    {
        if (!budgets.TryGetValue(account.Platform, out var budget))
        {
            return BudgetReservation.None;
        }

        var now = time.GetUtcNow();
        var start = budget.Options.WindowStart(now);
        var key = KeyOf(account, budget);
        lock (gate)
        {
            var ledger = LedgerOf(key, budget, start);
            ledger.Accounts.Add(account.Id);
            var expected = Math.Max(1, (int)Math.Ceiling(ledger.AverageCost));
            // A fresh window always admits one poll, so a poll dearer than the whole budget is not refused forever.
            if (ledger.Spent > 0 && ledger.Spent + expected > budget.Options.Requests)
            {
                var resets = start + budget.Options.Window;
                MonitorMetrics.BudgetDeferrals.Add(1, new KeyValuePair<string, object?>("platform", account.Platform));
                return new BudgetReservation(key, start, 0,
                    $"budget: {key} {budget.Unit} spent ({budget.Options.Requests} {budget.Unit} per {budget.Options.Window}); resets at {resets:yyyy-MM-ddTHH:mm:ssZ}",
                    resets);
            }

            ledger.Spent += expected;
            return new BudgetReservation(key, start, expected, null, null);
        }
    }

    /// <summary>Replaces the reservation with the poll's actual cost (in the window the reservation was made in, if still current).</summary>
    public void Settle(BudgetReservation reservation, int actualCost)
    {
        if (reservation.Refused || reservation.Key.Length == 0 || !budgets.TryGetValue(PlatformOf(reservation.Key), out var budget))
        {
            return;
        }

        var start = budget.Options.WindowStart(time.GetUtcNow());
        lock (gate)
        {
            var ledger = LedgerOf(reservation.Key, budget, start);
            ledger.Spent += ledger.Start == reservation.WindowStart ? actualCost - reservation.Reserved : actualCost;
            ledger.AverageCost = ledger.Polls == 0 ? actualCost : (ledger.AverageCost * 0.8) + (actualCost * 0.2);
            ledger.Polls++;
        }
    }

    /// <summary>
    /// Shortest interval between polls of <paramref name="account"/> that lets the budget last its window:
    /// window × accounts on the budget × average cost per poll ÷ budget. The accounts are the enabled ones the store
    /// holds for the budget (counted at most every 5 minutes), or the ones seen polling if more. Null when no budget applies.
    /// </summary>
    public async Task<TimeSpan?> MinimumIntervalAsync(TrackedAccount account, CancellationToken cancellationToken)
    {
        if (!budgets.TryGetValue(account.Platform, out var budget))
        {
            return null;
        }

        await CountAccountsAsync(cancellationToken);
        var key = KeyOf(account, budget);
        lock (gate)
        {
            var seen = ledgers.TryGetValue(key, out var ledger) ? ledger.Accounts.Count : 0;
            var count = Math.Max(1, Math.Max(seen, storedAccounts.GetValueOrDefault(key)));
            var cost = Math.Max(1, ledger?.AverageCost ?? 1);
            return budget.Options.Window * (count * cost / budget.Options.Requests);
        }
    }

    private async Task CountAccountsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (accounts is null || (countedAt is { } at && now - at < CountRefresh))
            {
                return;
            }

            countedAt = now;
        }

        try
        {
            var counts = (await accounts.ListAccountsAsync(cancellationToken))
                .Where(r => r.Account.Enabled && budgets.ContainsKey(r.Account.Platform))
                .GroupBy(r => KeyOf(r.Account, budgets[r.Account.Platform]), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            lock (gate)
            {
                storedAccounts = counts;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is unreachable: keep the last count (or the accounts seen) and try again at the next refresh.
        }
    }

    private Ledger LedgerOf(string key, PlatformBudget budget, DateTimeOffset start)
    {
        if (!ledgers.TryGetValue(key, out var ledger))
        {
            ledger = new Ledger { Platform = budget.Platform, Limit = budget.Options.Requests, Start = start };
            ledgers[key] = ledger;
        }
        else if (ledger.Start != start)
        {
            ledger.Start = start;
            ledger.Spent = 0;
        }

        return ledger;
    }

    private static string KeyOf(TrackedAccount account, PlatformBudget budget)
    {
        var host = budget.Options.PerHost ? HostKey.Of(account) : account.Platform;
        return host == account.Platform ? account.Platform : $"{account.Platform} {host}";
    }

    private static string PlatformOf(string key) => key.Split(' ', 2)[0];

    private IEnumerable<Measurement<long>> Remaining()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            return ledgers.Select(pair =>
            {
                var current = budgets[pair.Value.Platform].Options.WindowStart(now) == pair.Value.Start;
                var left = Math.Max(0, pair.Value.Limit - (current ? pair.Value.Spent : 0));
                return new Measurement<long>(left, new("platform", pair.Value.Platform), new("budget", pair.Key));
            }).ToList();
        }
    }

    private sealed class Ledger
    {
        public required string Platform { get; init; }

        public required int Limit { get; init; }

        public DateTimeOffset Start { get; set; }

        public int Spent { get; set; }

        public double AverageCost { get; set; } = 1;

        public int Polls { get; set; }

        public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);
    }
}
