using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Chooses the post id of a feed entry so that it survives republishing.</summary>
internal static class FeedIdentity
{
    /// <summary>
    /// The entry's id (RSS guid, Atom id, JSON Feed id), else its link, else a hash of title, date and text.
    /// An id that is the alternate link plus a fragment is replaced by the link: GOV.UK's Atom ids are
    /// <c>https://www.gov.uk/government/news/foo#2024-05-01T10:00:00+01:00</c>, a new fragment on every republish,
    /// and only the part before the fragment identifies the page. Null when the entry has nothing to identify it.
    /// </summary>
    /// <param name="entry">The entry as parsed.</param>
    /// <param name="link">The entry's link, already resolved to an absolute URL when possible.</param>
    /// <param name="text">The entry's plain text, used only by the hash fallback.</param>
    public static string? Resolve(FeedEntry entry, string? link, string? text)
    {
        if (entry.Id is { } id)
        {
            return IsLinkWithFragment(id, link) ? link : id;
        }

        if (link is not null)
        {
            return link;
        }

        var title = entry.Title?.Value.Trim();
        if (string.IsNullOrEmpty(title) && string.IsNullOrEmpty(text))
        {
            return null;
        }

        var key = string.Join('\n', title, entry.Published?.Trim(), string.IsNullOrEmpty(title) ? text : null);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    // Uri equality ignores the fragment, so "link#anything" equals "link"; the link itself must have none.
    private static bool IsLinkWithFragment(string id, string? link) =>
        link is not null
        && Uri.TryCreate(id, UriKind.Absolute, out var idUri)
        && idUri.Fragment.Length > 1
        && Uri.TryCreate(link, UriKind.Absolute, out var linkUri)
        && linkUri.Fragment.Length == 0
        && idUri.Equals(linkUri);
}
