using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Wikidata;

namespace Monitor.Core.Tests.Accounts.Wikidata;

public sealed class WikidataResultReaderTests
{
    private static readonly WikidataQuery Query = new(ActorType.Embassy, ["FRA", "GBR"], "");

    private static Dictionary<string, SparqlTerm> Binding(string item = "http://www.wikidata.org/entity/Q42", string? label = "An embassy",
        string iso3 = "FRA", string rank = "http://wikiba.se/ontology#NormalRank", string? xid = null)
    {
        var binding = new Dictionary<string, SparqlTerm>
        {
            ["item"] = new("uri", item),
            ["iso3"] = new("literal", iso3),
            ["platform"] = new("literal", "x"),
            ["value"] = new("literal", "FranceintheUK"),
            ["rank"] = new("uri", rank),
        };
        if (label is not null)
        {
            binding["itemLabel"] = new("literal", label, "en");
        }

        if (xid is not null)
        {
            binding["xid"] = new("literal", xid);
        }

        return binding;
    }

    [Fact]
    public void Read_CompleteBinding_GivesTheStatement()
    {
        var problems = new List<string>();

        var statements = WikidataResultReader.Read(Query, Results(Binding(xid: "1234")), problems);

        Assert.Equal([new WikidataStatement("Q42", "An embassy", "FRA", ActorType.Embassy, "x", "FranceintheUK", WikidataRank.Normal, "1234")], statements);
        Assert.Empty(problems);
    }

    [Fact]
    public void Read_LabelServiceFallbackToTheQid_MeansNoLabel()
    {
        var statement = Assert.Single(WikidataResultReader.Read(Query, Results(Binding(label: "Q42")), new List<string>()));

        Assert.Null(statement.Label);
    }

    [Theory]
    [InlineData("http://example.org/entity/Q42", "FRA", "http://wikiba.se/ontology#NormalRank")]
    [InlineData("http://www.wikidata.org/entity/L42", "FRA", "http://wikiba.se/ontology#NormalRank")]
    [InlineData("http://www.wikidata.org/entity/Q42", "DEU", "http://wikiba.se/ontology#NormalRank")]
    [InlineData("http://www.wikidata.org/entity/Q42", "FRA", "http://wikiba.se/ontology#BestRank")]
    public void Read_BindingItCannotTrust_IsReportedNotGuessed(string item, string iso3, string rank)
    {
        var problems = new List<string>();

        var statements = WikidataResultReader.Read(Query, Results(Binding(item, iso3: iso3, rank: rank)), problems);

        Assert.Empty(statements);
        Assert.StartsWith("Embassy (FRA, GBR): a result row lacks item, iso3, platform, value or rank (", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static SparqlResults Results(params Dictionary<string, SparqlTerm>[] bindings) =>
        new(new SparqlHead(["item"]), new SparqlBindings(bindings));
}
