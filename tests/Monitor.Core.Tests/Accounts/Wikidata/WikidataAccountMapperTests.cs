using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Wikidata;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts.Wikidata;

/// <summary>Rank rules, duplicate ids and handle forms, on statements as the result reader gives them.</summary>
public sealed class WikidataAccountMapperTests : IDisposable
{
    private readonly ServiceProvider services = MonitorTestServices.Build(new Dictionary<string, string?>());

    private static WikidataStatement Statement(
        string value, WikidataRank rank = WikidataRank.Normal, ActorType actor = ActorType.HeadOfState, string platform = "x", string qid = "Q1",
        WikidataRank? office = null) =>
        new(qid, "Someone", "USA", actor, platform, value, rank, null, office);

    private static readonly Dictionary<string, (WikidataStatement[] Statements, string[] Ids)> Cases = new()
    {
        ["preferred beats normal"] = ([Statement("POTUS", WikidataRank.Preferred), Statement("Someone46")], ["q1-x-potus"]),
        ["without a preferred one every normal one counts"] = ([Statement("POTUS"), Statement("Someone46")], ["q1-x-potus", "q1-x-someone46"]),
        ["deprecated never counts, even alone"] = ([Statement("OldName", WikidataRank.Deprecated)], []),
        ["ranks apply per platform"] = ([Statement("POTUS", WikidataRank.Preferred), Statement("Someone", platform: "facebook")],
            ["q1-facebook-someone", "q1-x-potus"]),
        ["head of state and of government at once is one HeadOfState row"] = (
            [Statement("POTUS", actor: ActorType.HeadOfGovernment), Statement("POTUS")], ["q1-x-potus HeadOfState"]),
        ["the preferred office holder wins over a normal one left without an end time"] = (
            [Statement("POTUS", office: WikidataRank.Preferred), Statement("Predecessor", qid: "Q2", office: WikidataRank.Normal)], ["q1-x-potus"]),
        ["normal office holders all count"] = (
            [Statement("CoPrince1", office: WikidataRank.Normal), Statement("CoPrince2", qid: "Q2", office: WikidataRank.Normal)],
            ["q1-x-coprince1", "q2-x-coprince2"]),
        ["office ranks are compared per actor type"] = (
            [Statement("POTUS", office: WikidataRank.Preferred), Statement("VP", qid: "Q2", actor: ActorType.HeadOfGovernment, office: WikidataRank.Normal)],
            ["q1-x-potus", "q2-x-vp"]),
        ["two spellings of one handle are one account"] = ([Statement("POTUS"), Statement("potus")], ["q1-x-potus"]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ToRows_Statements_GiveTheseIds(string name)
    {
        var (statements, expected) = Cases[name];
        var problems = new List<string>();

        var rows = WikidataAccountMapper.ToRows(statements, services.GetRequiredService<AdapterRegistry>(), problems);

        var shown = rows.Select(r => expected.Any(e => e.Contains(' ', StringComparison.Ordinal)) ? $"{r.Id} {r.Actor}" : r.Id);
        Assert.Equal(expected, shown.Order(StringComparer.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public void ToRows_TwoUsernamesOfOneXUserId_KeepsOneAndReportsTheOther()
    {
        var problems = new List<string>();
        WikidataStatement[] statements =
        [
            Statement("POTUS") with { XUserId = "822215679726100480" },
            Statement("POTUS45") with { XUserId = "822215679726100480" },
            Statement("WhiteHouse") with { XUserId = "822215673812119553" },
        ];

        var rows = WikidataAccountMapper.ToRows(statements, services.GetRequiredService<AdapterRegistry>(), problems);

        Assert.Equal(["q1-x-potus", "q1-x-whitehouse"], rows.Select(r => r.Id));
        Assert.Equal(["Q1 x 'POTUS45' skipped: the same X user id 822215679726100480 as 'POTUS', which is kept."], problems);
    }

    [Fact]
    public void ToRows_MastodonAddress_BecomesTheAdaptersHandleForm()
    {
        var rows = WikidataAccountMapper.ToRows([Statement("potus@mastodon.example", platform: "mastodon")],
            services.GetRequiredService<AdapterRegistry>(), new List<string>());

        Assert.Equal("@potus@mastodon.example", Assert.Single(rows).Handle);
    }

    [Fact]
    public void ToRows_HandleTheAdapterRefuses_IsReportedAndLeftOut()
    {
        var problems = new List<string>();

        var rows = WikidataAccountMapper.ToRows([Statement("not an x name"), Statement("POTUS")], services.GetRequiredService<AdapterRegistry>(), problems);

        Assert.Equal(["q1-x-potus"], rows.Select(r => r.Id));
        Assert.Equal(["Q1 x 'not an x name' skipped: An X handle is @name or name (1 to 15 letters, digits or underscores), or the user id as id:123456."], problems);
    }

    public void Dispose() => services.Dispose();
}
