using Monitor.Core.Accounts.Discovery;

namespace Monitor.Core.Tests.Accounts.Discovery;

public sealed class SocialProfileLinkTests
{
    [Theory]
    [InlineData("https://twitter.com/FCDOGovUK", false, "x", "FCDOGovUK")]
    [InlineData("https://x.com/FCDOGovUK?lang=en", false, "x", "FCDOGovUK")]
    [InlineData("https://mobile.twitter.com/FCDOGovUK/", false, "x", "FCDOGovUK")]
    [InlineData("https://www.facebook.com/FCDOGovUK/", false, "facebook", "FCDOGovUK")]
    [InlineData("https://m.facebook.com/francediplomatie", false, "facebook", "francediplomatie")]
    [InlineData("https://www.youtube.com/channel/UCs6ySxQeALCNgjMn3Dmlpjw", false, "youtube", "UCs6ySxQeALCNgjMn3Dmlpjw")]
    [InlineData("https://www.youtube.com/@FCDOGovUK", false, "youtube", "@FCDOGovUK")]
    [InlineData("https://bsky.app/profile/francediplo.bsky.social", false, "bluesky", "francediplo.bsky.social")]
    [InlineData("https://t.me/MFARussia", false, "telegram", "MFARussia")]
    [InlineData("https://t.me/s/MFARussia", false, "telegram", "MFARussia")]
    [InlineData("https://social.numerique.gouv.fr/@Diplomatie", true, "mastodon", "@Diplomatie@social.numerique.gouv.fr")]
    public void Classify_ProfileLink_GivesPlatformAndHandle(string url, bool relMe, string platform, string handle)
    {
        Assert.Equal((platform, handle), SocialProfileLink.Classify(new Uri(url), relMe));
    }

    [Theory]
    [InlineData("https://twitter.com/intent/tweet?text=x", false)]
    [InlineData("https://x.com/share?url=https://example.org/", false)]
    [InlineData("https://x.com/FCDOGovUK/status/1234567890", false)]
    [InlineData("https://twitter.com/hashtag/diplomacy", false)]
    [InlineData("https://www.facebook.com/sharer/sharer.php?u=x", false)]
    [InlineData("https://www.facebook.com/sharer.php?u=x", false)]
    [InlineData("https://www.youtube.com/watch?v=abc", false)]
    [InlineData("https://www.youtube.com/user/legacy", false)]
    [InlineData("https://t.me/share/url?url=x", false)]
    [InlineData("https://t.me/+AbCdEf", false)]
    [InlineData("https://t.me/joinchat/AbCdEf", false)]
    [InlineData("https://bsky.app/profile/francediplo.bsky.social/post/3k", false)]
    [InlineData("https://mastodon.social/@someone", false)]
    [InlineData("https://social.example/@someone/12345", true)]
    [InlineData("ftp://x.com/FCDOGovUK", false)]
    [InlineData("https://www.instagram.com/fcdogovuk/", true)]
    public void Classify_NotAProfile_GivesNothing(string url, bool relMe)
    {
        Assert.Null(SocialProfileLink.Classify(new Uri(url), relMe));
    }
}
