using Monitor.Core.Entities;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Entities;

public sealed class PostEntityRulesTests
{
    private static Post Post(string? text, PostKind kind = PostKind.Post, string? author = null, PostEntities? entities = null, string? title = null) => new()
    {
        PostId = "p",
        PublishedAt = DateTimeOffset.UnixEpoch,
        Kind = kind,
        Title = title,
        Text = text,
        Author = author,
        Entities = entities,
    };

    [Fact]
    public void For_TextOnly_ExtractsFromTitleAndTextOrderedByTypeAndValue()
    {
        var entities = PostEntityRules.For("rss", Post("Read https://gov.example/b #Zeta @press", title: "#Alpha news"));

        Assert.Equal(
        [
            new PostEntity(EntityType.Hashtag, "alpha"),
            new PostEntity(EntityType.Hashtag, "zeta"),
            new PostEntity(EntityType.Mention, "press"),
            new PostEntity(EntityType.Link, "https://gov.example/b"),
        ], entities);
    }

    [Fact]
    public void For_WireEntities_ArePreferredListByList()
    {
        var wire = new PostEntities
        {
            Hashtags = ["#FromWire"],
            Mentions = [new EntityMention("@Alice@Social.Example", "109")],
        };

        var entities = PostEntityRules.For("mastodon", Post("#intext @bob https://gov.example/?utm_id=1", entities: wire));

        Assert.Equal(
        [
            new PostEntity(EntityType.Hashtag, "fromwire"),
            new PostEntity(EntityType.Mention, "alice@social.example", "109"),
            new PostEntity(EntityType.Link, "https://gov.example/"),
        ], entities);
    }

    [Theory]
    [InlineData("mastodon", "Carol@Other.Example", "Boost of @bob #tag", "carol@other.example")]
    [InlineData("bluesky", "amt.bsky.social", "Repost text", "amt.bsky.social")]
    [InlineData("x", "FCDOGovUK", "RT @GermanyDiplo: great news @bob", "germanydiplo")]
    public void For_Repost_IsOnlyTheRepostedAuthor(string platform, string author, string text, string expected) =>
        Assert.Equal([new PostEntity(EntityType.Repost, expected)], PostEntityRules.For(platform, Post(text, PostKind.Repost, author)));

    [Theory]
    [InlineData("x", "FCDOGovUK", "A repost without the RT prefix")]
    [InlineData("telegram", "channel", "Forwarded")]
    public void For_RepostWithoutKnownAuthor_HasNoEntities(string platform, string author, string text) =>
        Assert.Empty(PostEntityRules.For(platform, Post(text, PostKind.Repost, author)));

    [Fact]
    public void For_WireRepostOf_WinsOverTheAuthorField() =>
        Assert.Equal(
            [new PostEntity(EntityType.Repost, "amt.bsky.social", "did:plc:amt")],
            PostEntityRules.For("bluesky", Post("t", PostKind.Repost, "other.bsky.social", new PostEntities { RepostOf = new EntityMention("@amt.bsky.social", "did:plc:amt") })));

    [Fact]
    public void For_NoText_HasNoEntities() => Assert.Empty(PostEntityRules.For("x", Post(null)));
}
