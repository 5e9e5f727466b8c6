using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Entities;

namespace Monitor.Core.Tests.Activity.Network;

public sealed class MentionsNetworkTests
{
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

    private static TrackedHandle Tracked(string id, string platform, string handle, string? externalId = null, string country = "GBR") =>
        new(new TrackedAccount(id, platform, handle, country, ActorType.Embassy), externalId);

    private static readonly TrackedHandle[] Accounts =
    [
        Tracked("alice", "mastodon", "@alice@social.example"),
        Tracked("bob", "mastodon", "https://social.example/@bob"),
        Tracked("carol", "mastodon", "carol@other.example"),
        Tracked("amt", "bluesky", "amt.bsky.social", "did:plc:amt"),
        Tracked("fcdo", "bluesky", "fcdo.bsky.social"),
        Tracked("xamt", "x", "amt.bsky.social"),
    ];

    [Fact]
    public void Resolve_HandlesIdsAndLocalMastodonMentions_AreEdgesAmongTrackedAccounts()
    {
        EntityCount[] counts =
        [
            new("alice", EntityType.Mention, "bob", null, 2), // local to alice's instance
            new("alice", EntityType.Mention, "bob@social.example", null, 1),
            new("alice", EntityType.Repost, "carol@other.example", null, 4),
            new("alice", EntityType.Mention, "alice@social.example", null, 9), // self
            new("alice", EntityType.Mention, "zed@nowhere.example", null, 9), // untracked
            new("carol", EntityType.Mention, "bob", null, 1), // local to other.example: not bob
            new("fcdo", EntityType.Mention, "old-handle.bsky.social", "did:plc:amt", 3), // by platform id
            new("fcdo", EntityType.Hashtag, "amt.bsky.social", null, 5), // not a mention
            new("unknown", EntityType.Mention, "bob", null, 1),
        ];

        var edges = MentionResolver.Resolve(Accounts, counts);

        Assert.Equal(
        [
            new MentionEdge("alice", "bob", 3, 0),
            new MentionEdge("alice", "carol", 0, 4),
            new MentionEdge("fcdo", "amt", 3, 0),
        ], edges);
    }

    [Fact]
    public void Resolve_SameHandleOnAnotherPlatform_IsNotTheAccount() =>
        Assert.Equal(
            [new MentionEdge("fcdo", "amt", 1, 0)],
            MentionResolver.Resolve(Accounts, [new EntityCount("fcdo", EntityType.Mention, "amt.bsky.social", null, 1)]));

    [Fact]
    public void Resolve_AccountsInAnyOrder_GivesEdgesInOrdinalOrderOfSourceThenTarget()
    {
        TrackedHandle[] accounts = [Tracked("b", "x", "bee"), Tracked("B", "x", "big"), Tracked("a", "x", "ay"), Tracked("aa", "x", "double")];
        EntityCount[] counts =
        [
            new("b", EntityType.Mention, "ay", null, 1),
            new("a", EntityType.Repost, "bee", null, 2),
            new("aa", EntityType.Mention, "big", null, 1),
            new("B", EntityType.Mention, "double", null, 1),
            new("a", EntityType.Mention, "big", null, 3),
            new("a", EntityType.Mention, "bee", null, 1),
        ];

        var edges = MentionResolver.Resolve(accounts, counts);

        Assert.Equal(
        [
            new MentionEdge("B", "aa", 1, 0),
            new MentionEdge("a", "B", 3, 0),
            new MentionEdge("a", "b", 1, 2),
            new MentionEdge("aa", "B", 1, 0),
            new MentionEdge("b", "a", 1, 0),
        ], edges);
    }

    [Fact]
    public void Build_Edges_GiveDegreesAndTheBestConnectedRanking()
    {
        MentionEdge[] edges =
        [
            new("alice", "bob", 1, 0), new("carol", "bob", 0, 1), new("amt", "bob", 1, 0),
            new("bob", "alice", 5, 0), new("carol", "alice", 1, 0),
            new("alice", "carol", 3, 3),
            new("alice", "gone", 1, 0), // not an enabled tracked account
        ];

        var report = MentionsNetworkBuilder.Build(Window, Accounts.Select(a => a.Account).ToArray(), edges);

        Assert.Equal(
        [
            new NetworkNode(1, "bob", "mastodon", "GBR", "Embassy", null, 3, 1, 3, 5),
            new NetworkNode(2, "alice", "mastodon", "GBR", "Embassy", null, 2, 2, 6, 7),
            new NetworkNode(3, "carol", "mastodon", "GBR", "Embassy", null, 1, 2, 6, 2),
            new NetworkNode(4, "amt", "bluesky", "GBR", "Embassy", null, 0, 1, 0, 1),
        ], report.Accounts);
        Assert.Equal(6, report.Edges.Count);
    }

    [Fact]
    public void TopEntities_PerCountry_RankByPostsThenAccountsThenValue()
    {
        TrackedAccount[] accounts =
        [
            new("a", "x", "a", "GBR", ActorType.Embassy), new("b", "x", "b", "GBR", ActorType.Embassy), new("c", "x", "c", "FRA", ActorType.Embassy),
        ];
        EntityCount[] counts =
        [
            new("a", EntityType.Hashtag, "climate", null, 2), new("b", EntityType.Hashtag, "climate", null, 1),
            new("a", EntityType.Hashtag, "trade", null, 3), new("b", EntityType.Hashtag, "cop30", null, 1),
            new("a", EntityType.Hashtag, "aid", null, 1),
            new("c", EntityType.Hashtag, "climat", null, 4), new("gone", EntityType.Hashtag, "climate", null, 9),
        ];

        var top = EntityRankingBuilder.Build(accounts, counts, EntityGrouping.Country, top: 3);
        var all = EntityRankingBuilder.Build(accounts, counts, EntityGrouping.All, top: 2);

        Assert.Equal(
        [
            new TopEntity("FRA", 1, "climat", 4, 1),
            new TopEntity("GBR", 1, "climate", 3, 2),
            new TopEntity("GBR", 2, "trade", 3, 1),
            new TopEntity("GBR", 3, "aid", 1, 1),
        ], top);
        Assert.Equal([new TopEntity("all", 1, "climat", 4, 1), new TopEntity("all", 2, "climate", 3, 2)], all);
    }
}
