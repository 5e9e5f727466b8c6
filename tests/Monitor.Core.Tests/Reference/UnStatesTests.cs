using Monitor.Core.Reference;

namespace Monitor.Core.Tests.Reference;

public sealed class UnStatesTests
{
    [Fact]
    public void Members_Exactly193WithDistinctCodes() =>
        Assert.Equal(193, UnStates.Members.Select(m => m.Alpha3).Distinct(StringComparer.Ordinal).Count());

    [Theory]
    [InlineData("FRA", "250", "France")]
    [InlineData("LAO", "418", "Laos")]
    [InlineData("PRK", "408", "North Korea")]
    [InlineData("STP", "678", "São Tomé and Príncipe")]
    [InlineData("TKM", "795", "Turkmenistan")]
    [InlineData("TUV", "798", "Tuvalu")]
    [InlineData("SSD", "728", "South Sudan")]
    public void Find_KnownMember_CodeNumericAndName(string alpha3, string numeric, string name)
    {
        var state = UnStates.Find(alpha3);

        Assert.NotNull(state);
        Assert.Equal((numeric, name), (state.Numeric, state.Name));
        Assert.True(UnStates.IsMember(alpha3));
    }

    [Fact]
    public void Observers_HolySeeAndPalestineKeptApart()
    {
        Assert.Equal(["PSE", "VAT"], UnStates.Observers.Select(o => o.Alpha3));
        Assert.Equal("Holy See", UnStates.Find("VAT")!.Name);
        Assert.False(UnStates.IsMember("VAT"));
        Assert.False(UnStates.IsMember("PSE"));
        Assert.DoesNotContain(UnStates.Members, m => m.Alpha3 is "VAT" or "PSE");
    }

    [Theory]
    [InlineData("TWN")]
    [InlineData("UNK")]
    [InlineData("GRL")]
    public void Find_NonMemberTerritory_Null(string alpha3) => Assert.Null(UnStates.Find(alpha3));

    [Fact]
    public void WorldBoundaries_DecodeEveryShapeWithinTheGlobe()
    {
        var shapes = WorldBoundaries.All;

        Assert.Equal(177, shapes.Count);
        Assert.All(shapes.SelectMany(s => s.Rings).SelectMany(r => r), p => Assert.True(Math.Abs(p.Lon) <= 180 && Math.Abs(p.Lat) <= 90));
        var france = shapes.Single(s => s.Numeric == "250");
        Assert.Contains(france.Rings.SelectMany(r => r), p => p.Lon is > 2 and < 3 && p.Lat is > 50 and < 51.2); // the Channel coast near Calais
    }
}
