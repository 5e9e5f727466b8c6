using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Posts;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Decides whether a post seen again was edited: its content hash changed, the source's own updated time moved
/// forward, or the platform gave a newer explicit edit time. Metrics changing is not an edit.
/// </summary>
internal static class MongoPostEdits
{
    /// <summary>SHA-256, lowercase hex, of <c>title + "\n" + text</c> (nulls as empty).</summary>
    public static string ContentHash(Post post) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((post.Title ?? string.Empty) + "\n" + (post.Text ?? string.Empty))));

    /// <param name="post">The post as fetched now.</param>
    /// <param name="contentHash">Its <see cref="ContentHash"/>.</param>
    /// <param name="stored">The stored document's <c>contentHash</c>, <c>sourceUpdatedAt</c> and <c>editedAt</c>.</param>
    public static bool IsEdited(Post post, string contentHash, BsonDocument stored)
    {
        if (stored.String("contentHash") is { } storedHash && !string.Equals(storedHash, contentHash, StringComparison.Ordinal))
        {
            return true;
        }

        // Stored times have millisecond precision; compare like with like or every poll would look like an edit.
        if (MongoBson.Truncate(post.UpdatedAt) is { } updated && stored.Date("sourceUpdatedAt") is { } storedUpdated && updated > storedUpdated)
        {
            return true;
        }

        return MongoBson.Truncate(post.EditedAt) is { } edited && (stored.Date("editedAt") is not { } storedEdited || edited > storedEdited);
    }
}
