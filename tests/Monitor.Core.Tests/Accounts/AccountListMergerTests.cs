using Monitor.Core.Accounts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts;

public sealed class AccountListMergerTests
{
    private static readonly AccountCsvRow Imported =
        new("q1-x-fcdo", "x", "FCDO", "GBR", "ForeignMinistry", "New label", "", "true", "Q1", "wikidata");

    [Fact]
    public void Merge_RecordedImportIntoAnOperatorsList_MatchesTheGoldenFile()
    {
        var existing = AccountCsvFile.Read(Fixtures.Path("Wikidata/existing-accounts.csv"));
        var imported = AccountCsvFile.Read(Fixtures.Path("Wikidata/expected-import.csv"));

        var result = AccountListMerger.Merge(existing, imported);

        using var writer = new StringWriter();
        AccountCsvFile.Write(writer, result.Rows);
        Assert.Equal(Fixtures.ReadText("Wikidata/expected-merge.csv"), writer.ToString());
        Assert.Equal((11, 1, 1, 2), (result.Added, result.Updated, result.Unchanged, result.Kept));
        Assert.Equal(3, result.Conflicts.Count);
    }

    public static TheoryData<AccountCsvRow, AccountCsvRow?, string?> Cases => new()
    {
        // An earlier import is updated, keeping the operator's enabled and language.
        { Imported with { Name = "Old label", Enabled = "false", Language = "en" }, Imported with { Enabled = "false", Language = "en" }, null },
        // Manual, discovered and source-less rows are never changed.
        { Imported with { Name = "Mine", Source = "manual" }, null, "q1-x-fcdo: already listed as a manual row; kept as it is." },
        { Imported with { Name = "Mine", Source = "" }, null, "q1-x-fcdo: already listed as a manual row; kept as it is." },
        { Imported with { Id = "gbr-fcdo-x", Handle = "@fcdo", Source = "discover" }, null,
            "q1-x-fcdo: x 'FCDO' is already listed as gbr-fcdo-x (discover); not added." },
        // Two items claiming one handle: the second is reported with the first item's id.
        { Imported with { Id = "q2-x-fcdo", Wikidata = "Q2" }, null, "q1-x-fcdo: x 'FCDO' is already listed as q2-x-fcdo (wikidata, Q2); not added." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merge_OneExistingRow_FollowsTheSourceRules(AccountCsvRow existing, AccountCsvRow? expectedAfter, string? conflict)
    {
        var result = AccountListMerger.Merge([existing], [Imported]);

        Assert.Equal(expectedAfter ?? existing, result.Rows[0]);
        Assert.Single(result.Rows);
        Assert.Equal(conflict is null ? [] : [conflict], result.Conflicts);
    }

    [Fact]
    public void Merge_RowsTheImportDidNotReturn_AreKeptAndNewOnesAppended()
    {
        var manual = new AccountCsvRow("fra-elysee", "rss", "https://www.elysee.fr/feed", "FRA", "HeadOfState", Source: "manual");

        var result = AccountListMerger.Merge([manual], [Imported]);

        Assert.Equal([manual, Imported], result.Rows);
        Assert.Equal((1, 0, 0, 1), (result.Added, result.Updated, result.Unchanged, result.Kept));
    }
}
