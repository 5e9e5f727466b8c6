using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Turns a poll's posts and deletions into one batch of write models for <c>posts</c> and one for
/// <c>post_versions</c>, given the stored documents fetched in one query, through the same <see cref="PostMerge"/>
/// rules as SQLite. New posts are upserts that only insert (<c>$setOnInsert</c>), so a post another worker stored
/// meanwhile is left as that worker wrote it; writing the batch twice leaves the same documents.
/// </summary>
internal static class MongoPostWrites
{
    private static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    /// <param name="record">The poll.</param>
    /// <param name="stored">Stored documents by post id (projection <see cref="MongoPostCommands.ExistingProjection"/>).</param>
    /// <param name="insertOnly">The lease was lost: only posts not yet stored are written.</param>
    public static PostWritePlan Plan(PollRecord record, IReadOnlyDictionary<string, BsonDocument> stored, bool insertOnly = false)
    {
        var account = record.Lease.Account;
        var at = record.CapturedAt;
        var models = new List<WriteModel<BsonDocument>>();
        var versions = new List<BsonDocument>();
        var touched = new List<string>();
        int created = 0, edited = 0, deleted = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in record.Result.Posts)
        {
            if (!seen.Add(post.PostId))
            {
                continue;
            }

            var existing = stored.GetValueOrDefault(post.PostId);
            if (existing is not null && insertOnly)
            {
                continue;
            }

            var write = existing is null
                ? PostMerge.Create(post, account.Platform, at)
                : PostMerge.Merge(ToStored(existing), post, account.Platform, at);
            created += write.Kind == PostWriteKind.Insert ? 1 : 0;
            edited += write.Edited ? 1 : 0;
            switch (write.Kind)
            {
                case PostWriteKind.Touch:
                    touched.Add(post.PostId);
                    break;
                case PostWriteKind.Insert:
                    models.Add(new UpdateOneModel<BsonDocument>(
                        MongoPostCommands.Identity(account.Platform, account.Id, post.PostId), Insert(write, account.Platform, at)) { IsUpsert = true });
                    break;
                default:
                    models.Add(new UpdateOneModel<BsonDocument>(
                        MongoPostCommands.Identity(account.Platform, account.Id, post.PostId), Set(write, account.Platform, at)));
                    break;
            }

            if (write.NewVersion is { } reason)
            {
                versions.Add(MongoVersionDocuments.Of(account.Platform, account.Id, write, reason, at, record.CaptureId));
            }
        }

        if (touched.Count > 0)
        {
            models.Add(new UpdateManyModel<BsonDocument>(
                MongoPostCommands.Existing(account.Platform, account.Id, touched), Update.Set("lastSeenAt", MongoBson.Of(at))));
        }

        var deletions = insertOnly ? [] : record.Result.Deletions.DistinctBy(d => d.PostId, StringComparer.Ordinal).Where(d => !seen.Contains(d.PostId));
        foreach (var deletion in deletions)
        {
            if (!stored.TryGetValue(deletion.PostId, out var existing)
                || PostMerge.Delete(ToStored(existing), deletion.Evidence, record.DeletionConfirmations, at) is not { } change)
            {
                continue;
            }

            models.Add(new UpdateOneModel<BsonDocument>(
                Filter.And(MongoPostCommands.Identity(account.Platform, account.Id, deletion.PostId), Filter.Eq("deletedAt", BsonNull.Value)),
                Update.Combine(
                    Update.Set("deletedAt", MongoBson.Of(change.DeletedAt)),
                    Update.Set("deletionEvidence", MongoBson.Of(change.Evidence?.ToWireName())),
                    Update.Set("absentChecks", change.AbsentChecks),
                    Update.Set("latestVersion", change.LatestVersion))));
            if (change.NewVersion is not null)
            {
                deleted++;
                versions.Add(MongoVersionDocuments.Deletion(existing, change, at, record.CaptureId));
            }
        }

        return new PostWritePlan(models, versions, created, edited, deleted);
    }

    /// <summary>The observations the poll makes, one per distinct fetched post (the first of duplicates, as <see cref="Plan"/>).</summary>
    public static IReadOnlyList<MetricObservation> Observations(PollRecord record) =>
        record.Result.Posts.DistinctBy(post => post.PostId, StringComparer.Ordinal)
            .Select(post => MetricObservation.Observe(post, record.CapturedAt)).OfType<MetricObservation>().ToArray();

    /// <summary>The post ids whose stored versions <see cref="Plan"/> needs.</summary>
    public static IReadOnlyList<string> IdsToLookUp(PollRecord record) =>
        record.Result.Posts.Select(post => post.PostId).Concat(record.Result.Deletions.Select(d => d.PostId)).Distinct(StringComparer.Ordinal).ToArray();

    public static PostMerge.Stored ToStored(BsonDocument document)
    {
        var metrics = document.Document("metrics");
        return new PostMerge.Stored(
            document.String("contentHash") ?? string.Empty,
            document.Int("normaliserVersion") ?? 1,
            document.RequiredDate("publishedAt"),
            document.Bool("publishedAtEstimated"),
            document.Date("sourceUpdatedAt"),
            document.Date("editedAt"),
            document.Date("deletedAt"),
            document.Int("absentChecks") ?? 0,
            document.Int("latestVersion") ?? 1,
            document.String("url"),
            document.String("language"),
            document.String("author"),
            MongoPostDocuments.MetricsOf(metrics),
            PostKindNames.Parse(document.String("kind") ?? "post"))
        {
            Media = MongoPostDocuments.ReadMedia(document),
            LanguageDetected = document.Bool("languageDetected"),
        };
    }

    /// <summary>Every field of a new post, only if the upsert inserts.</summary>
    private static UpdateDefinition<BsonDocument> Insert(PostWrite write, string platform, DateTimeOffset at) =>
        Update.Combine(MongoPostDocuments.Fields(write, at, firstSeen: true).Select(field => Update.SetOnInsert(field.Name, field.Value))
            .Append(Update.SetOnInsert(MongoEntityCommands.Field, MongoEntityCommands.Of(platform, write.Post))));

    /// <summary>The merged fields of a stored post (first-seen time kept).</summary>
    private static UpdateDefinition<BsonDocument> Set(PostWrite write, string platform, DateTimeOffset at) =>
        Update.Combine(MongoPostDocuments.Fields(write, at, firstSeen: false).Select(field => Update.Set(field.Name, field.Value))
            .Append(Update.Set(MongoEntityCommands.Field, MongoEntityCommands.Of(platform, write.Post))));
}

/// <summary>The write models of one poll's posts, its new versions and what they change.</summary>
internal sealed record PostWritePlan(
    IReadOnlyList<WriteModel<BsonDocument>> Models, IReadOnlyList<BsonDocument> Versions, int NewPosts, int EditedPosts, int DeletedPosts);
