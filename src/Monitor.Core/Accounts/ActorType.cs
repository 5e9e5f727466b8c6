namespace Monitor.Core.Accounts;

/// <summary>Who speaks through an account, in the categories the Twiplomacy studies use.</summary>
public enum ActorType
{
    HeadOfState,
    HeadOfGovernment,
    ForeignMinistry,
    ForeignMinister,
    Embassy,
    Mission,
    Ambassador,
    Other,
}
