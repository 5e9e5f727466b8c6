namespace Monitor.Core.Polling.Budgets;

/// <summary>
/// The outcome of asking a budget for one poll: either a reservation of the poll's expected cost (settled with the
/// actual cost afterwards), or a refusal naming the spent budget and its reset.
/// </summary>
internal sealed record BudgetReservation(string Key, DateTimeOffset WindowStart, int Reserved, string? Refusal, DateTimeOffset? ResetsAt)
{
    /// <summary>No budget applies: nothing is reserved or charged.</summary>
    public static BudgetReservation None { get; } = new(string.Empty, default, 0, null, null);

    public bool Refused => Refusal is not null;
}
