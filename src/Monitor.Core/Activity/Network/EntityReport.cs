namespace Monitor.Core.Activity.Network;

/// <summary><c>report hashtags|links</c>: the top entities of the window per group (<paramref name="Per"/>: all, account or country).</summary>
public sealed record EntityReport(string Entity, string Per, DateOnly From, DateOnly To, IReadOnlyList<TopEntity> Rows);

/// <summary>
/// One of a group's top entities. <paramref name="Posts"/>: posts in the group published in the window that carry it
/// (each post counts once); <paramref name="Accounts"/>: distinct accounts among them. <paramref name="Rank"/> orders
/// by posts, then accounts (descending), then value; ties keep distinct ranks.
/// </summary>
public sealed record TopEntity(string Group, int Rank, string Value, long Posts, int Accounts);
