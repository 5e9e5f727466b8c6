namespace Monitor.Core.Activity.Network;

/// <summary>How <c>report hashtags|links</c> groups its top N: over all accounts, per account, or per country.</summary>
public enum EntityGrouping
{
    All,
    Account,
    Country,
}
