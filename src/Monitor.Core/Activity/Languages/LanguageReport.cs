namespace Monitor.Core.Activity.Languages;

/// <summary>How the languages report groups its rows: <c>account</c> (default) or <c>country</c>.</summary>
public enum LanguageGrouping
{
    Account,
    Country,
}

/// <summary>
/// The window's posts by language (<c>report languages</c>): for all the selected accounts together and per account
/// or per country. A post's language is its stored language reduced to the BCP 47 primary subtag
/// (<see cref="Monitor.Core.Languages.LanguageTags"/>); a post without one counts as unknown.
/// </summary>
/// <param name="Window">The UTC days covered (by <c>publishedAt</c>).</param>
/// <param name="Per">What <paramref name="Groups"/> are: <c>account</c> or <c>country</c>.</param>
/// <param name="All">All the selected accounts' posts together (key <c>all</c>).</param>
/// <param name="Groups">One per account or country with posts in the window, by key.</param>
public sealed record LanguageReport(
    ActivityWindow Window,
    string Per,
    LanguageGroup All,
    IReadOnlyList<LanguageGroup> Groups);

/// <summary>
/// One account's, one country's or all posts in the window by language. <see cref="KnownPosts"/> + <see cref="UnknownPosts"/>
/// = <see cref="Posts"/>; each language's share is its posts ÷ <see cref="KnownPosts"/> (unknown posts are not in the
/// denominator); languages by posts, most first, then by tag.
/// </summary>
/// <param name="Key">The account id, the country's ISO 3166-1 alpha-3 code, or <c>all</c>.</param>
/// <param name="Platform">The account's platform (account rows only).</param>
/// <param name="Country">The account's or the row's country (null for <c>all</c>).</param>
/// <param name="Accounts">Accounts with posts in the window in the group.</param>
/// <param name="Posts">The group's posts published in the window.</param>
/// <param name="KnownPosts">Those with a language.</param>
/// <param name="UnknownPosts">Those without one (none stored, or not a language tag).</param>
/// <param name="Languages">Posts and share per language.</param>
public sealed record LanguageGroup(
    string Key,
    string? Platform,
    string? Country,
    int Accounts,
    long Posts,
    long KnownPosts,
    long UnknownPosts,
    IReadOnlyList<LanguageShare> Languages);

/// <summary>Posts in one language and their share of the group's posts with a known language (0..1).</summary>
public sealed record LanguageShare(string Language, long Posts, double Share);
