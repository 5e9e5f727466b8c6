using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Turns a poll's posts and deletions into one batch of write models, given the stored versions fetched in one
/// query: every post becomes an upsert keyed by (platform, accountId, postId), so writing the batch twice (a crash
/// before the cursor moved, or two workers racing) leaves the same documents.
/// </summary>
internal static class MongoPostWrites
{
    private static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    /// <param name="record">The poll.</param>
    /// <param name="stored">Stored documents by post id (projection <see cref="MongoPostCommands.ExistingProjection"/>).</param>
    public static PostWritePlan Plan(PollRecord record, IReadOnlyDictionary<string, BsonDocument> stored)
    {
        var account = record.Lease.Account;
        var models = new List<WriteModel<BsonDocument>>();
        int created = 0, edited = 0, deleted = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in record.Result.Posts)
        {
            if (!seen.Add(post.PostId))
            {
                continue;
            }

            var existing = stored.GetValueOrDefault(post.PostId);
            var hash = PostMerge.ContentHash(post);
            var known = existing is null ? null : ToStored(existing);
            var merged = known is null ? null : PostMerge.Merge(known, post, hash, record.CapturedAt);
            created += existing is null ? 1 : 0;
            edited += merged?.Edited == true ? 1 : 0;
            models.Add(new UpdateOneModel<BsonDocument>(
                MongoPostCommands.Identity(account.Platform, account.Id, post.PostId),
                Upsert(post, hash, known, merged, record.CapturedAt)) { IsUpsert = true });
        }

        foreach (var postId in record.Result.Deletions.Select(d => d.PostId).Distinct(StringComparer.Ordinal).Where(id => !seen.Contains(id)))
        {
            if (stored.TryGetValue(postId, out var existing) && existing.Date("deletedAt") is null)
            {
                deleted++;
                models.Add(new UpdateOneModel<BsonDocument>(
                    Builders<BsonDocument>.Filter.And(
                        MongoPostCommands.Identity(account.Platform, account.Id, postId),
                        Builders<BsonDocument>.Filter.Eq("deletedAt", BsonNull.Value)),
                    Update.Set("deletedAt", MongoBson.Of(record.CapturedAt))));
            }
        }

        return new PostWritePlan(models, created, edited, deleted);
    }

    /// <summary>The post ids whose stored versions <see cref="Plan"/> needs.</summary>
    public static IReadOnlyList<string> IdsToLookUp(PollRecord record) =>
        record.Result.Posts.Select(post => post.PostId).Concat(record.Result.Deletions.Select(d => d.PostId)).Distinct(StringComparer.Ordinal).ToArray();

    private static PostMerge.Stored ToStored(BsonDocument document) => new(
        document.String("contentHash") ?? string.Empty,
        document.RequiredDate("publishedAt"),
        document.Bool("publishedAtEstimated"),
        document.Date("sourceUpdatedAt"),
        document.Date("editedAt"));

    /// <summary>A new post is written as fetched; a known one as <see cref="PostMerge"/> decided (the same rules as SQLite).</summary>
    private static UpdateDefinition<BsonDocument> Upsert(Post post, string hash, PostMerge.Stored? known, PostMerge.Outcome? merged, DateTimeOffset now)
    {
        var updates = MongoPostDocuments.Content(post, hash)
            .Where(field => merged is null || field.Name != "sourceUpdatedAt")
            .Select(field => Update.Set(field.Name, field.Value)).ToList();
        updates.Add(Update.Set("lastSeenAt", MongoBson.Of(now)));
        updates.Add(Update.SetOnInsert("firstSeenAt", MongoBson.Of(now)));
        if (known is null || merged is null)
        {
            updates.Add(Update.Set("publishedAt", MongoBson.Of(post.PublishedAt)));
            updates.Add(Update.Set("publishedAtEstimated", post.PublishedAtEstimated));
            updates.Add(Update.SetOnInsert("editedAt", MongoBson.Of(post.EditedAt)));
            updates.Add(Update.SetOnInsert("deletedAt", BsonNull.Value));
            return Update.Combine(updates);
        }

        updates.Add(Update.Set("sourceUpdatedAt", MongoBson.Of(merged.SourceUpdatedAt)));
        if (merged.PublishedAt != known.PublishedAt || merged.PublishedAtEstimated != known.PublishedAtEstimated)
        {
            updates.Add(Update.Set("publishedAt", MongoBson.Of(merged.PublishedAt)));
            updates.Add(Update.Set("publishedAtEstimated", merged.PublishedAtEstimated));
        }

        if (merged.Edited)
        {
            updates.Add(Update.Set("editedAt", MongoBson.Of(merged.EditedAt)));
        }

        return Update.Combine(updates);
    }
}

/// <summary>The write models of one poll's posts and what they will change.</summary>
internal sealed record PostWritePlan(IReadOnlyList<WriteModel<BsonDocument>> Models, int NewPosts, int EditedPosts, int DeletedPosts);
