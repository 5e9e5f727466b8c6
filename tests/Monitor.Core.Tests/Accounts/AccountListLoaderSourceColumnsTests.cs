using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts;

/// <summary>The optional <c>wikidata</c> and <c>source</c> columns written by the import and discovery.</summary>
public sealed class AccountListLoaderSourceColumnsTests
{
    [Fact]
    public void Load_ImportedList_IsValid()
    {
        var list = Load(Fixtures.Path("Wikidata/expected-merge.csv"));

        Assert.Empty(list.Errors);
        Assert.Equal(18, list.Accounts.Count);
        Assert.False(list.Accounts.Single(a => a.Id == "q1195799-x-fcdogovuk").Enabled);
    }

    [Fact]
    public void Load_BadWikidataOrSource_ReportsBothWithTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path,
        [
            "id,platform,handle,country,actor,wikidata,source",
            "ok,x,FCDOGovUK,GBR,ForeignMinistry,Q1195799,wikidata",
            "bad,x,UKinFrance,GBR,Embassy,4970633,imported",
            "manual,x,francediplo,FRA,ForeignMinistry,,manual",
        ]);
        try
        {
            var list = Load(path);

            Assert.Equal(["ok", "manual"], list.Accounts.Select(a => a.Id));
            var error = Assert.Single(list.Errors);
            Assert.Equal($"{path}:3: wikidata '4970633' must be an item id such as Q42; unknown source 'imported' (known: wikidata, manual, discover).", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static AccountList Load(string path)
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?> { ["Monitor:AccountsFile"] = path });
        return services.GetRequiredService<AccountListLoader>().Load();
    }
}
