using Monitor.Core.Accounts;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;
using Monitor.Core.Reference;

namespace Monitor.Core.Tests.Activity.Study;

/// <summary>Presence against the 193 UN members: listed, confirmed, absent, untracked, unverified.</summary>
public sealed class MembershipBuilderTests
{
    private static readonly string[] Absent = ["LAO", "PRK", "STP", "TKM"];

    // Every member has an rss account; all but the four also an x account that polled fine.
    private static List<PresenceAccount> AllMembers(PollStatus xStatus = PollStatus.Ok, long xSuccesses = 1) =>
    [
        .. UnStates.Members.Select(m => new PresenceAccount(Account($"{m.Alpha3}-rss", Platforms.Rss, m.Alpha3), PollStatus.Ok, 3, 2)),
        .. UnStates.Members.Where(m => !Absent.Contains(m.Alpha3))
            .Select(m => new PresenceAccount(Account($"{m.Alpha3}-x", Platforms.X, m.Alpha3), xStatus, 0, xSuccesses)),
    ];

    [Fact]
    public void Build_FourMembersAbsentOnX_189Of193AndTheFourByName()
    {
        var x = MembershipBuilder.Build(AllMembers(), activeOnly: false).Platforms.Single(p => p.Platform == Platforms.X);

        Assert.Equal((189, 193, 97.9), (x.Listed, x.Members, x.ListedPercent));
        Assert.StartsWith("189 of 193 UN members (97.9 %)", x.Summary, StringComparison.Ordinal);
        Assert.Equal(["Laos", "North Korea", "São Tomé and Príncipe", "Turkmenistan"], x.Absent.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(189, x.Confirmed);
        Assert.Empty(x.Unverified);
    }

    [Fact]
    public void Build_XWithoutToken_ListedButNoneConfirmedAndAllUnverified()
    {
        var x = MembershipBuilder.Build(AllMembers(PollStatus.Unauthorized, xSuccesses: 0), activeOnly: false).Platforms.Single(p => p.Platform == Platforms.X);

        Assert.Equal((189, 0), (x.Listed, x.Confirmed));
        Assert.EndsWith("189 listed, 0 confirmed", x.Summary, StringComparison.Ordinal);
        Assert.Equal(189, x.Unverified.Count);
        Assert.All(x.Unverified, u => Assert.Equal("unauthorized", u.LastStatus));
    }

    [Fact]
    public void Build_GoneAccountsAndActiveOnly_NotListed()
    {
        var accounts = AllMembers();
        accounts[^1] = accounts[^1] with { LastStatus = PollStatus.Suspended };
        accounts[^2] = accounts[^2] with { LastStatus = PollStatus.NotFound };

        var listed = MembershipBuilder.Build(accounts, activeOnly: false).Platforms.Single(p => p.Platform == Platforms.X);
        var active = MembershipBuilder.Build(accounts, activeOnly: true);

        Assert.Equal(187, listed.Listed);
        Assert.Equal(6, listed.Absent.Count);
        Assert.Equal(0, active.Platforms.Single(p => p.Platform == Platforms.X).Listed); // no x account posted
        Assert.Equal(193, active.AnyPlatform.Listed); // every rss account did
        Assert.True(active.ActiveOnly);
    }

    [Fact]
    public void Build_GapsInTheList_UntrackedApartFromAbsentAndObserversApart()
    {
        var accounts = new List<PresenceAccount>
        {
            new(Account("fra-x", Platforms.X, "FRA"), PollStatus.Ok, 1, 1),
            new(Account("deu-rss", Platforms.Rss, "DEU"), null, 0, 0),
            new(Account("vat-x", Platforms.X, "VAT"), PollStatus.Ok, 1, 1),
            new(Account("twn-x", Platforms.X, "TWN"), PollStatus.Ok, 1, 1),
        };

        var membership = MembershipBuilder.Build(accounts, activeOnly: false);
        var x = membership.Platforms.Single(p => p.Platform == Platforms.X);

        Assert.Equal(2, membership.Tracked);
        Assert.Equal(191, membership.Untracked.Count);
        Assert.Equal((1, 0.5), (x.Listed, x.ListedPercent)); // neither the observer nor Taiwan counts
        Assert.Equal(["Germany"], x.Absent.Select(a => a.Name));
        Assert.Equal(x.Members, x.Listed + x.Absent.Count + membership.Untracked.Count);
        Assert.Equal([new UnverifiedAccount("deu-rss", Platforms.Rss, "DEU", null)], membership.AnyPlatform.Unverified);
        Assert.Equal(["x"], membership.Observers.Single(o => o.Country == "VAT").Listed);
        Assert.Equal(193, membership.States.Count);
    }

    [Theory]
    [InlineData(189, 97.9)]
    [InlineData(193, 100.0)]
    [InlineData(1, 0.5)]
    [InlineData(0, 0.0)]
    public void Percent_OneDecimal(int count, double expected) => Assert.Equal(expected, MembershipBuilder.Percent(count, 193));

    private static TrackedAccount Account(string id, string platform, string country) =>
        new(id, platform, id, country, ActorType.ForeignMinistry);
}
