using System.Text.RegularExpressions;
using Monitor.Core.Accounts;

namespace Monitor.Core.Entities;

/// <summary>
/// Finds hashtags, @mentions and links in a post's plain text, for platforms (feeds, Telegram, YouTube, Facebook)
/// or posts whose wire format does not list them. Links are found first and blanked, so a URL's <c>#fragment</c> or
/// <c>@path</c> is not taken for a hashtag or mention.
/// </summary>
public static partial class EntityExtractor
{
    // A hashtag is letters, marks, digits, underscores and joiners (ZWNJ/ZWJ, Persian and Indic scripts) after # or
    // the full-width ＃, not inside a word or after &/ (HTML entities, URLs); at least one letter, so "#1" is a number.
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_&/#＃])[#＃](?<tag>[\p{L}\p{M}\p{N}_\u200C\u200D]*\p{L}[\p{L}\p{M}\p{N}_\u200C\u200D]*)")]
    private static partial Regex Hashtag();

    // @user, @user@instance (Mastodon), @handle.bsky.social (Bluesky); not inside a word or an e-mail address.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@/+-])[@＠](?<user>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?:@(?<host>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+))?")]
    private static partial Regex Mention();

    [GeneratedRegex(@"https?://[^\s<>""'\u3000-\u303F\uFF01-\uFF0F]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    /// <summary>Hashtags (folded, first occurrence order, each once) in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Hashtags(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Distinct(Hashtag().Matches(BlankLinks(text)).Select(m => FoldHashtag(m.Groups["tag"].Value)));

    /// <summary>Mentioned handles in their <see cref="AccountHandleKey"/> form on <paramref name="platform"/>, each once.</summary>
    public static IReadOnlyList<string> Mentions(string platform, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var dotted = Platforms.Normalize(platform) is Platforms.Mastodon or Platforms.Bluesky or Platforms.Rss;
        return Distinct(Mention().Matches(BlankLinks(text)).Select(m =>
        {
            var user = m.Groups["user"].Value;
            if (!dotted)
            {
                // X, Telegram and YouTube handles hold no dots: "@user." ends a sentence, "@user.name" is @user.
                user = user.Split('.', 2)[0];
            }

            var host = m.Groups["host"].Success ? "@" + m.Groups["host"].Value : string.Empty;
            return AccountHandleKey.Normalize(platform, (user + host).TrimEnd('.', '-'));
        }).Where(handle => handle.Length > 0));
    }

    /// <summary>Links in <paramref name="text"/>, normalised by <see cref="LinkNormalizer"/>, each once.</summary>
    public static IReadOnlyList<string> Links(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Distinct(Link().Matches(text).Select(m => LinkNormalizer.Normalize(TrimLink(m.Value))).OfType<string>());

    /// <summary>
    /// The hashtag's comparison form: lower case (hashtags are case-insensitive on every platform), diacritics kept
    /// (#Außenpolitik is not #aussenpolitik). No Unicode normalisation: the process runs with InvariantGlobalization,
    /// where <c>string.Normalize</c> is unavailable, so a decomposed é counts apart from a precomposed one.
    /// </summary>
    public static string FoldHashtag(string tag) => tag.TrimStart('#', '＃').ToLowerInvariant();

    private static string BlankLinks(string text) => Link().Replace(text, match => new string(' ', match.Length));

    /// <summary>Sentence punctuation after a link is not part of it; a closing bracket is, when the link opened one (Wikipedia titles).</summary>
    private static string TrimLink(string link)
    {
        var end = link.Length;
        while (end > 0)
        {
            var c = link[end - 1];
            var closesOwnBracket = (c == ')' && Count(link, '(', end) >= Count(link, ')', end))
                || (c == ']' && Count(link, '[', end) >= Count(link, ']', end));
            if (!(".,;:!?'\"…»”’".Contains(c) || ((c is ')' or ']' or '}') && !closesOwnBracket)))
            {
                break;
            }

            end--;
        }

        return link[..end];
    }

    private static int Count(string text, char c, int end) => text.AsSpan(0, end).Count(c);

    private static IReadOnlyList<string> Distinct(IEnumerable<string> values) => values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
