using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Wikidata;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts.Wikidata;

/// <summary>The generated SPARQL, against golden files under <c>Fixtures/Wikidata/</c>.</summary>
public sealed class WikidataQueryBuilderTests
{
    private static readonly string[] AllPlatforms = ["rss", "mastodon", "bluesky", "youtube", "x", "facebook", "telegram"];

    public static TheoryData<ActorType> Actors => new(WikidataQueryBuilder.Actors);

    [Theory]
    [MemberData(nameof(Actors))]
    public void Build_EachActor_MatchesGoldenQuery(ActorType actor)
    {
        var sparql = WikidataQueryBuilder.Build(actor, ["FRA", "GBR"], AllPlatforms);

        Assert.Equal(Fixtures.ReadText($"Wikidata/query-{actor}.sparql"), sparql);
    }

    [Fact]
    public void Build_SomePlatforms_ListsOnlyTheirProperties()
    {
        var sparql = WikidataQueryBuilder.Build(ActorType.Embassy, ["DEU"], ["x", "bluesky"]);

        Assert.Equal(Fixtures.ReadText("Wikidata/query-Embassy-x-bluesky.sparql"), sparql);
    }

    [Fact]
    public void Plan_MoreCountriesThanABatch_SplitsEveryActorIntoSortedBatches()
    {
        var queries = WikidataQueryBuilder.Plan([ActorType.HeadOfState, ActorType.Embassy], ["GBR", "FRA", "DEU", "FRA", "ITA", "ESP"], AllPlatforms, 2);

        Assert.Equal(
            ["HeadOfState DEU,ESP", "HeadOfState FRA,GBR", "HeadOfState ITA", "Embassy DEU,ESP", "Embassy FRA,GBR", "Embassy ITA"],
            queries.Select(q => $"{q.Actor} {string.Join(',', q.Countries)}"));
        Assert.All(queries, q => Assert.Contains($"VALUES ?iso3 {{ {string.Join(' ', q.Countries.Select(c => $"\"{c}\""))} }}", q.Sparql));
    }

    [Fact]
    public void Build_ActorOutsideTheImport_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WikidataQueryBuilder.Build(ActorType.Ambassador, ["FRA"], AllPlatforms));
    }
}
