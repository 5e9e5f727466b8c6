using Monitor.Core.Accounts;
using Monitor.Core.Activity.Network;
using Monitor.Core.Entities;

namespace Monitor.Core.Tests.Activity.Network;

/// <summary>The one-pass tallies the SQLite store feeds row by row give what the per-account counts add up to.</summary>
public sealed class EntityTalliesTests
{
    private static readonly TrackedAccount[] Enabled =
    [
        new("a", "x", "a", "GBR", ActorType.Embassy),
        new("b", "x", "b", "GBR", ActorType.Embassy),
        new("c", "x", "c", "FRA", ActorType.Embassy),
        new("d", "x", "d", "DEU", ActorType.Embassy),
    ];

    public static TheoryData<EntityGrouping> Groupings => [EntityGrouping.All, EntityGrouping.Country, EntityGrouping.Account];

    [Theory]
    [MemberData(nameof(Groupings))]
    public void TotalsTally_RandomRows_EqualTheCountsAddedUp(EntityGrouping per)
    {
        // Enough accounts and values that value × account keys collide in a long's XOR hash: results must not depend on it.
        var random = new Random(15);
        string[] accounts = [.. Enabled.Select(a => a.Id), "disabled", "unknown"];
        var rows = Enumerable.Range(0, 5000).Select(_ => (Account: accounts[random.Next(accounts.Length)], Value: $"tag{random.Next(300)}")).ToArray();
        var tally = new EntityTotalsTally(Enabled.Select(a => (a.Id, a.Country)).ToArray(), per);

        foreach (var (account, value) in rows)
        {
            tally.Add(account, value);
        }

        var counts = rows.GroupBy(r => r).Select(g => new EntityCount(g.Key.Account, EntityType.Hashtag, g.Key.Value, null, g.Count()));
        Assert.Equal(Sorted(EntityRankingBuilder.Totals(Enabled, counts, per)), Sorted(tally.ToTotals()));
    }

    [Fact]
    public void TotalsTally_PerCountry_CountsEachAccountOnceAndLeavesOutUnlistedAccounts()
    {
        var tally = new EntityTotalsTally(Enabled.Select(a => (a.Id, a.Country)).ToArray(), EntityGrouping.Country);
        foreach (var (account, value) in new[] { ("a", "eu"), ("a", "eu"), ("b", "eu"), ("c", "eu"), ("off", "eu"), ("d", "un") })
        {
            tally.Add(account, value);
        }

        Assert.Equal(
            [new EntityTotal("DEU", "un", 1, 1), new EntityTotal("FRA", "eu", 1, 1), new EntityTotal("GBR", "eu", 3, 2)],
            Sorted(tally.ToTotals()));
    }

    [Fact]
    public void CountTally_Rows_CountPerAccountTypeValueAndPlatformId()
    {
        var tally = new EntityCountTally();
        tally.Add(EntityType.Mention, "a", "bob", false, default);
        tally.Add(EntityType.Mention, "a", "bob", false, default);
        tally.Add(EntityType.Mention, "a", "bob", true, "did:plc:bob");
        tally.Add(EntityType.Mention, "a", "bob", true, string.Empty); // an empty id is not "no id"
        tally.Add(EntityType.Repost, "a", "bob", false, default);
        tally.Add(EntityType.Mention, "b", "bob", false, default);

        Assert.Equal(
        [
            new EntityCount("a", EntityType.Mention, "bob", null, 2),
            new EntityCount("a", EntityType.Mention, "bob", "", 1),
            new EntityCount("a", EntityType.Mention, "bob", "did:plc:bob", 1),
            new EntityCount("a", EntityType.Repost, "bob", null, 1),
            new EntityCount("b", EntityType.Mention, "bob", null, 1),
        ], tally.ToCounts().OrderBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.Type).ThenBy(c => c.PlatformId, StringComparer.Ordinal));
    }

    [Fact]
    public void EdgeTally_SameLocalMastodonHandleFromTwoInstances_ResolvesPerInstance()
    {
        TrackedHandle[] accounts =
        [
            new(new TrackedAccount("s1", "mastodon", "@ann@one.example", "GBR", ActorType.Embassy), null),
            new(new TrackedAccount("s2", "mastodon", "@cem@two.example", "GBR", ActorType.Embassy), null),
            new(new TrackedAccount("bob1", "mastodon", "@bob@one.example", "GBR", ActorType.Embassy), null),
            new(new TrackedAccount("bob2", "mastodon", "@bob@two.example", "GBR", ActorType.Embassy), null),
        ];
        var tally = new MentionEdgeTally(accounts);
        foreach (var (source, value) in new[] { ("s1", "bob"), ("s2", "bob"), ("s1", "bob"), ("s2", "nobody"), ("other", "bob") })
        {
            if (tally.TryGetSource(source, out var from))
            {
                tally.Add(from, tally.Target(from, value.AsSpan()), EntityType.Mention, 1);
            }
        }

        Assert.Equal([new MentionEdge("s1", "bob1", 2, 0), new MentionEdge("s2", "bob2", 1, 0)], tally.ToEdges());
    }

    private static EntityTotal[] Sorted(IEnumerable<EntityTotal> rows) =>
        rows.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal).ToArray();
}
