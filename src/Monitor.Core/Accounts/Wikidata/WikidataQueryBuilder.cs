using System.Text;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>
/// Writes the import's SPARQL: one query per actor type and batch of countries, so that none runs into the query
/// service's time limit. Each returns one row per account statement: the item, its label, the country's alpha-3 code,
/// the platform, the value, the statement's rank and, for X, the numeric user id qualifier.
/// </summary>
internal static class WikidataQueryBuilder
{
    /// <summary>The actor types the import understands, in query order.</summary>
    public static readonly IReadOnlyList<ActorType> Actors =
        [ActorType.ForeignMinistry, ActorType.HeadOfState, ActorType.HeadOfGovernment, ActorType.ForeignMinister, ActorType.Embassy];

    /// <summary>The account property of each platform, in the order of <see cref="Platforms"/>.</summary>
    public static readonly IReadOnlyList<(string Platform, string Property)> AccountProperties =
    [
        (Platforms.Rss, WikidataIds.WebFeedUrl),
        (Platforms.Mastodon, WikidataIds.MastodonAddress),
        (Platforms.Bluesky, WikidataIds.BlueskyHandle),
        (Platforms.YouTube, WikidataIds.YouTubeChannelId),
        (Platforms.X, WikidataIds.XUsername),
        (Platforms.Facebook, WikidataIds.FacebookUsername),
        (Platforms.Telegram, WikidataIds.TelegramUsername),
    ];

    /// <summary>Queries for every actor × batch of <paramref name="countriesPerQuery"/> countries (codes sorted).</summary>
    public static IReadOnlyList<WikidataQuery> Plan(
        IEnumerable<ActorType> actors, IEnumerable<string> countries, IReadOnlyCollection<string> platforms, int countriesPerQuery)
    {
        var sorted = countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return actors.SelectMany(actor => sorted.Chunk(countriesPerQuery).Select(batch => new WikidataQuery(actor, batch, Build(actor, batch, platforms))))
            .ToArray();
    }

    // Office holders come with the rank of the statement that makes them holders (?officeRank), so that a country's
    // preferred head of state wins over a normal-ranked statement someone forgot to close with an end time.

    /// <summary>The query for one actor type and batch of countries, restricted to <paramref name="platforms"/>.</summary>
    public static string Build(ActorType actor, IReadOnlyList<string> countries, IReadOnlyCollection<string> platforms)
    {
        var text = new StringBuilder();
        text.Append("# Monitor accounts import: ").Append(actor).Append(", ").AppendJoin(' ', countries).Append('\n');
        text.Append("SELECT ?item ?itemLabel ?iso3 ?platform ?value ?rank ?xid ?officeRank WHERE {\n");
        text.Append("  VALUES ?iso3 { ").AppendJoin(' ', countries.Select(c => $"\"{c}\"")).Append(" }\n");
        text.Append($"  ?country wdt:{WikidataIds.Iso3166Alpha3} ?iso3 .\n");
        text.Append(ActorPattern(actor));
        text.Append("  VALUES (?platform ?claim ?valueProperty) {\n");
        foreach (var (platform, property) in AccountProperties.Where(p => platforms.Contains(p.Platform)))
        {
            text.Append($"    (\"{platform}\" p:{property} ps:{property})\n");
        }

        text.Append("  }\n");
        text.Append("  ?item ?claim ?statement .\n");
        text.Append("  ?statement ?valueProperty ?value ; wikibase:rank ?rank .\n");
        // wdt: would give only the best-ranked value, but the X qualifier needs the statement; ranks are applied after.
        text.Append("  FILTER(?rank != wikibase:DeprecatedRank)\n");
        text.Append($"  FILTER NOT EXISTS {{ ?statement pq:{WikidataIds.EndTime} [] . }}\n");
        text.Append($"  OPTIONAL {{ ?statement pq:{WikidataIds.XNumericUserId} ?xid . }}\n");
        text.Append("  SERVICE wikibase:label { bd:serviceParam wikibase:language \"en,mul\". }\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static string ActorPattern(ActorType actor) => actor switch
    {
        ActorType.HeadOfState => CurrentHolder(WikidataIds.HeadOfState),
        ActorType.HeadOfGovernment => CurrentHolder(WikidataIds.HeadOfGovernment),
        ActorType.ForeignMinistry =>
            $"  ?item wdt:{WikidataIds.InstanceOf}/wdt:{WikidataIds.SubclassOf}* wd:{WikidataIds.ForeignAffairsMinistry} ; wdt:{WikidataIds.Country} ?country .\n"
            + $"  FILTER NOT EXISTS {{ ?item wdt:{WikidataIds.Dissolved} [] . }}\n",
        ActorType.ForeignMinister =>
            $"  ?office wdt:{WikidataIds.SubclassOf}* wd:{WikidataIds.ForeignMinister} ; wdt:{WikidataIds.AppliesToJurisdiction} ?country .\n"
            + $"  ?item p:{WikidataIds.PositionHeld} ?held .\n"
            + $"  ?held ps:{WikidataIds.PositionHeld} ?office ; wikibase:rank ?officeRank .\n"
            + "  FILTER(?officeRank != wikibase:DeprecatedRank)\n"
            + $"  FILTER NOT EXISTS {{ ?held pq:{WikidataIds.EndTime} [] . }}\n"
            + $"  FILTER NOT EXISTS {{ ?item wdt:{WikidataIds.DateOfDeath} [] . }}\n",
        // An embassy's P17 is the host state; the sending state operates it (P137).
        ActorType.Embassy =>
            $"  ?item wdt:{WikidataIds.InstanceOf}/wdt:{WikidataIds.SubclassOf}* wd:{WikidataIds.Embassy} ; wdt:{WikidataIds.Operator} ?country .\n"
            + $"  FILTER NOT EXISTS {{ ?item wdt:{WikidataIds.Dissolved} [] . }}\n",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, "The Wikidata import does not cover this actor type."),
    };

    private static string CurrentHolder(string property) =>
        $"  ?country p:{property} ?office .\n"
        + $"  ?office ps:{property} ?item ; wikibase:rank ?officeRank .\n"
        + "  FILTER(?officeRank != wikibase:DeprecatedRank)\n"
        + $"  FILTER NOT EXISTS {{ ?office pq:{WikidataIds.EndTime} [] . }}\n"
        + $"  FILTER NOT EXISTS {{ ?item wdt:{WikidataIds.DateOfDeath} [] . }}\n";
}
