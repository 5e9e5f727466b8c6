using Monitor.Core.Accounts;

namespace Monitor.Core.Tests.Accounts;

public sealed class AccountHandleKeyTests
{
    [Theory]
    [InlineData("x", "@FCDOGovUK", "fcdogovuk")]
    [InlineData("mastodon", "@diplomatie@social.numerique.gouv.fr", "diplomatie@social.numerique.gouv.fr")]
    [InlineData("mastodon", "https://social.numerique.gouv.fr/@Diplomatie", "diplomatie@social.numerique.gouv.fr")]
    [InlineData("bluesky", "https://bsky.app/profile/FranceDiplo.bsky.social", "francediplo.bsky.social")]
    [InlineData("telegram", "https://t.me/MFARussia", "mfarussia")]
    [InlineData("youtube", "UCs6ySxQeALCNgjMn3Dmlpjw", "UCs6ySxQeALCNgjMn3Dmlpjw")]
    [InlineData("youtube", "@EmmanuelMacron", "emmanuelmacron")]
    [InlineData("rss", "https://www.gov.uk/feed.atom/", "gov.uk/feed.atom")]
    public void Normalize_SpellingsOfOneHandle_Agree(string platform, string handle, string expected)
    {
        Assert.Equal(expected, AccountHandleKey.Normalize(platform, handle));
    }

    [Theory]
    [InlineData("x", "@FCDOGovUK", "fcdogovuk")]
    [InlineData("mastodon", "@diplomatie@social.numerique.gouv.fr", "diplomatie-social.numerique.gouv.fr")]
    [InlineData("rss", "https://uk.ambafrance.org/spip.php?page=backend", "uk.ambafrance.org-spip.php-page-backend")]
    [InlineData("rss", "https://www.gov.uk/government/organisations/foreign-commonwealth-development-office.atom",
        "gov.uk-government-organisations-foreign-f6dfd783")]
    public void Slug_Handle_IsAnIdFragmentOfAtMost48Characters(string platform, string handle, string expected)
    {
        var slug = AccountHandleKey.Slug(platform, handle);

        Assert.Equal(expected, slug);
        Assert.True(slug.Length <= 48);
        Assert.All(slug, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'));
    }
}
