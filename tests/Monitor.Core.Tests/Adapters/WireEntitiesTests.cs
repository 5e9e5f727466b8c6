using System.Text.Json;
using Monitor.Core.Adapters.Bluesky;
using Monitor.Core.Adapters.Mastodon;
using Monitor.Core.Adapters.X;
using Monitor.Core.Entities;

namespace Monitor.Core.Tests.Adapters;

/// <summary>Entities the wire formats list are mapped onto the post and win over the text (<see cref="PostEntityRules"/>).</summary>
public sealed class WireEntitiesTests
{
    [Fact]
    public void Mastodon_TagsAndMentions_AreTheStatusLists()
    {
        var status = JsonSerializer.Deserialize("""
            {"id":"1","created_at":"2026-01-02T10:00:00Z","content":"<p>With <a href=\"https://other.example/@carol\">@carol</a> #<a href=\"https://social.example/tags/Klima\">Klima</a> https://gov.example/?utm_source=m</p>",
             "account":{"id":"9","acct":"alice"},
             "tags":[{"name":"klima"}],"mentions":[{"id":"5","acct":"carol@other.example"},{"id":"6","acct":"bob"}]}
            """, MastodonJsonContext.Default.MastodonStatus)!;

        var post = MastodonStatusMapper.ToPost(status);

        Assert.Equal(
        [
            new PostEntity(EntityType.Hashtag, "klima"),
            new PostEntity(EntityType.Mention, "bob"),
            new PostEntity(EntityType.Mention, "carol@other.example"),
            new PostEntity(EntityType.Link, "https://gov.example/"),
        ], PostEntityRules.For("mastodon", post));
    }

    [Fact]
    public void Bluesky_Facets_GiveTheMentionedDidHandleFullLinkAndTag()
    {
        var feed = JsonSerializer.Deserialize("""
            {"feed":[{"post":{"uri":"at://did:plc:me/app.bsky.feed.post/1","author":{"did":"did:plc:me","handle":"me.bsky.social"},
              "record":{"text":"Grüße @amt.bsky.social gov.example/long… #EU","createdAt":"2026-01-02T10:00:00Z","facets":[
                {"index":{"byteStart":8,"byteEnd":24},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:amt"}]},
                {"index":{"byteStart":25,"byteEnd":44},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://gov.example/long/path?utm_campaign=x"}]},
                {"index":{"byteStart":45,"byteEnd":48},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"EU"}]}]}}},
             {"post":{"uri":"at://did:plc:amt/app.bsky.feed.post/2","author":{"did":"did:plc:amt","handle":"amt.bsky.social"},
              "record":{"text":"Original","createdAt":"2026-01-01T10:00:00Z"}},
              "reason":{"$type":"app.bsky.feed.defs#reasonRepost","by":{"did":"did:plc:me"},"indexedAt":"2026-01-03T10:00:00Z"}}]}
            """, BlueskyJsonContext.Default.BlueskyAuthorFeed)!;

        var posts = feed.Feed!.Select(BlueskyPostMapper.ToPost).ToArray();

        Assert.Equal(
        [
            new PostEntity(EntityType.Hashtag, "eu"),
            new PostEntity(EntityType.Mention, "amt.bsky.social", "did:plc:amt"),
            new PostEntity(EntityType.Link, "https://gov.example/long/path"),
        ], PostEntityRules.For("bluesky", posts[0]));
        Assert.Equal([new PostEntity(EntityType.Repost, "amt.bsky.social", "did:plc:amt")], PostEntityRules.For("bluesky", posts[1]));
    }

    [Fact]
    public void X_Entities_GiveExpandedLinksMentionIdsAndTheRetweetedUser()
    {
        var page = JsonSerializer.Deserialize("""
            {"data":[
              {"id":"100","created_at":"2026-01-02T10:00:00Z","text":"With @GermanyDiplo https://t.co/abc #G7",
               "entities":{"mentions":[{"start":5,"end":18,"username":"GermanyDiplo","id":"42"}],
                 "urls":[{"url":"https://t.co/abc","expanded_url":"https://www.gov.uk/news?utm_source=tw"}],"hashtags":[{"tag":"G7"}]}},
              {"id":"101","created_at":"2026-01-03T10:00:00Z","text":"RT @GermanyDiplo: hello @bob","referenced_tweets":[{"type":"retweeted","id":"7"}],
               "entities":{"mentions":[{"start":3,"end":16,"username":"GermanyDiplo","id":"42"},{"start":24,"end":28,"username":"bob","id":"43"}]}}]}
            """, XJsonContext.Default.XPostsResponse)!;

        var posts = page.Data!.Select(p => XPostMapper.Map(p, "FCDOGovUK")).ToArray();

        Assert.Equal(
        [
            new PostEntity(EntityType.Hashtag, "g7"),
            new PostEntity(EntityType.Mention, "germanydiplo", "42"),
            new PostEntity(EntityType.Link, "https://www.gov.uk/news"),
        ], PostEntityRules.For("x", posts[0]));
        Assert.Equal([new PostEntity(EntityType.Repost, "germanydiplo", "42")], PostEntityRules.For("x", posts[1]));
    }
}
