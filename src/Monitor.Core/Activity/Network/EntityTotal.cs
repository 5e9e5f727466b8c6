namespace Monitor.Core.Activity.Network;

/// <summary><paramref name="Posts"/> in <paramref name="Group"/> carry the entity, from <paramref name="Accounts"/> distinct accounts.</summary>
public sealed record EntityTotal(string Group, string Value, long Posts, int Accounts);
