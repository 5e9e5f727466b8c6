namespace Monitor.Core.Polling.Budgets;

/// <summary>One platform's budget as its adapter registration declares it (<c>Monitor:Platforms:&lt;P&gt;:Budget</c>).</summary>
/// <param name="Platform">Platform key.</param>
/// <param name="Options">The budget settings.</param>
/// <param name="Unit">What a request costs in: <c>requests</c>, or <c>units</c> for YouTube's quota.</param>
public sealed record PlatformBudget(string Platform, RequestBudgetOptions Options, string Unit);
