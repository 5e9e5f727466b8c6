namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// The Wikidata properties and classes the import relies on (each checked against published queries and property
/// documentation; the README lists them with the reason for each).
/// </summary>
internal static class WikidataIds
{
    /// <summary>X username (formerly "Twitter username"); its qualifier <see cref="XNumericUserId"/> holds the numeric user id.</summary>
    public const string XUsername = "P2002";

    /// <summary>X numeric user id, a qualifier on <see cref="XUsername"/> statements.</summary>
    public const string XNumericUserId = "P6552";

    public const string FacebookUsername = "P2013";
    public const string YouTubeChannelId = "P2397";

    /// <summary>Mastodon address, written <c>user@instance</c>.</summary>
    public const string MastodonAddress = "P4033";

    public const string TelegramUsername = "P3789";
    public const string BlueskyHandle = "P12361";
    public const string WebFeedUrl = "P1019";
    public const string OfficialWebsite = "P856";

    public const string HeadOfState = "P35";
    public const string HeadOfGovernment = "P6";
    public const string Country = "P17";
    public const string Operator = "P137";
    public const string InstanceOf = "P31";
    public const string SubclassOf = "P279";
    public const string PositionHeld = "P39";
    public const string AppliesToJurisdiction = "P1001";
    public const string Iso3166Alpha3 = "P298";
    public const string EndTime = "P582";
    public const string DateOfDeath = "P570";
    public const string Dissolved = "P576";

    /// <summary>"foreign affairs ministry", the class of foreign ministries.</summary>
    public const string ForeignAffairsMinistry = "Q20901295";

    /// <summary>"foreign minister", the class whose subclasses are the countries' foreign-minister offices.</summary>
    public const string ForeignMinister = "Q7330070";

    /// <summary>"embassy".</summary>
    public const string Embassy = "Q3917681";
}
