using Monitor.Core.Entities;

namespace Monitor.Core.Tests.Entities;

public sealed class EntityExtractorTests
{
    public static TheoryData<string, string[]> HashtagCases => new()
    {
        { "Plain #Climate and #climate again", ["climate"] },
        { "Deutsch #Außenpolitik #ÄGYPTEN", ["außenpolitik", "ägypten"] },
        { "Русский #Дипломатия", ["дипломатия"] },
        { "Ελληνικά #Διπλωματία", ["διπλωματία"] },
        { "عربي #الدبلوماسية_الرقمية", ["الدبلوماسية_الرقمية"] },
        { "עברית #דיפלומטיה", ["דיפלומטיה"] },
        { "فارسی #می‌خواهم", ["می\u200cخواهم"] },
        { "हिन्दी #भारत", ["भारत"] },
        { "日本語 #外交 と ＃日本", ["外交", "日本"] },
        { "中文 #外交部。", ["外交部"] },
        { "한국어 #외교부", ["외교부"] },
        { "ไทย #การทูต", ["การทูต"] },
        { "Numbers #1 #2024 are not tags, #G20 is", ["g20"] },
        { "Underscore #digital_diplomacy!", ["digital_diplomacy"] },
        { "Inside a word: abc#def, an entity &#39; and a URL https://x.example/page#section", [] },
        { "Double ##tag counts once as #tag", ["tag"] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(HashtagCases))]
    public void Hashtags_ManyScripts_AreFoldedEachOnceInOrder(string text, string[] expected) =>
        Assert.Equal(expected, EntityExtractor.Hashtags(text));

    public static TheoryData<string, string, string[]> MentionCases => new()
    {
        { "x", "Thanks @FCDOGovUK and @GermanyDiplo!", ["fcdogovuk", "germanydiplo"] },
        { "x", "End of sentence @UN. Next", ["un"] },
        { "x", "Dotted on X is cut: @user.name", ["user"] },
        { "x", "Mail me at press@fco.example, not a mention", [] },
        { "x", "(@embassy) and \"@consulate\"", ["embassy", "consulate"] },
        { "x", "Full-width ＠Japan_MOFA", ["japan_mofa"] },
        { "mastodon", "Hi @alice@social.example and @Bob", ["alice@social.example", "bob"] },
        { "mastodon", "Trailing dot @alice@social.example.", ["alice@social.example"] },
        { "mastodon", "Same twice @Alice@Social.Example @alice@social.example", ["alice@social.example"] },
        { "bluesky", "Bluesky @fcdo.bsky.social and @amt.de", ["fcdo.bsky.social", "amt.de"] },
        { "bluesky", "Ends a sentence @fcdo.bsky.social.", ["fcdo.bsky.social"] },
        { "rss", "Path https://social.example/@alice is a link, not a mention", [] },
        { "x", "Lone @ and @- are nothing", [] },
    };

    [Theory]
    [MemberData(nameof(MentionCases))]
    public void Mentions_PlatformHandleForms_AreTheHandleKeys(string platform, string text, string[] expected) =>
        Assert.Equal(expected, EntityExtractor.Mentions(platform, text));

    public static TheoryData<string, string[]> LinkCases => new()
    {
        { "See https://Example.COM/Path?utm_source=tw&utm_medium=social&id=7#frag.", ["https://example.com/Path?id=7"] },
        { "Port http://example.com:80/a and https://example.com:443/b and https://example.com:8443/c", ["http://example.com/a", "https://example.com/b", "https://example.com:8443/c"] },
        { "Clicks https://shop.example/?gclid=1&fbclid=2&msclkid=3", ["https://shop.example/"] },
        { "Wikipedia (https://en.wikipedia.org/wiki/Diplomacy_(disambiguation)) read", ["https://en.wikipedia.org/wiki/Diplomacy_(disambiguation)"] },
        { "In brackets (https://gov.example/a) then", ["https://gov.example/a"] },
        { "Quoted \"https://gov.example/q\" and «https://gov.example/r»", ["https://gov.example/q", "https://gov.example/r"] },
        { "CJK https://gov.example/jp。次", ["https://gov.example/jp"] },
        { "Twice https://gov.example/x https://GOV.example/x#top", ["https://gov.example/x"] },
        { "No scheme www.gov.example and ftp://files.example", [] },
        { "Secret https://user:pass@gov.example/in", ["https://gov.example/in"] },
    };

    [Theory]
    [MemberData(nameof(LinkCases))]
    public void Links_InText_AreNormalisedEachOnce(string text, string[] expected) =>
        Assert.Equal(expected, EntityExtractor.Links(text));
}
