using System.Globalization;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The dashboard's bounded reads from MongoDB: finds with sort and limit, and one aggregation.</summary>
internal sealed class MongoRecentRecordReader(MongoCollections collections) : IRecentRecordReader
{
    public async Task<IReadOnlyList<StoredPost>> ReadNewestPostsAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await collections.Posts.Find(MongoRecentCommands.AccountPosts(accountId))
            .Sort(MongoRecentCommands.NewestPostsSort).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(MongoPostDocuments.ToStoredPost).ToArray();
    }

    public async Task<IReadOnlyList<ActivitySnapshot>> ReadNewestSnapshotsAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await collections.Snapshots.Find(MongoRecentCommands.AccountSnapshots(accountId))
            .Sort(MongoRecentCommands.NewestSnapshotsSort).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(MongoSnapshotDocuments.FromDocument).ToArray();
    }

    public async Task<IReadOnlyList<PostVersion>> ReadPostVersionsAsync(string platform, string accountId, string postId, CancellationToken cancellationToken)
    {
        var documents = await collections.Versions.Find(MongoRecentCommands.PostVersions(platform, accountId, postId))
            .Sort(MongoRecentCommands.PostVersionsSort).ToListAsync(cancellationToken);
        return documents.Select(MongoVersionDocuments.FromDocument).ToArray();
    }

    public async Task<IReadOnlyList<PlatformDayCount>> CountPostsByDayAndPlatformAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var enabled = await collections.Accounts.Find(MongoRecentCommands.EnabledAccounts)
            .Project(MongoRecentCommands.IdOnly).ToListAsync(cancellationToken);
        if (enabled.Count == 0)
        {
            return [];
        }

        var pipeline = PipelineDefinition<BsonDocument, BsonDocument>.Create(
            MongoRecentCommands.PostsByDayAndPlatform(from, to, enabled.Select(d => d["_id"].AsString)));
        using var cursor = await collections.Posts.AggregateAsync(pipeline, new AggregateOptions { AllowDiskUse = true }, cancellationToken);
        var counts = new List<PlatformDayCount>();
        await cursor.ForEachAsync(d => counts.Add(ToCount(d)), cancellationToken);
        return counts;
    }

    internal static PlatformDayCount ToCount(BsonDocument document)
    {
        var id = document["_id"].AsBsonDocument;
        return new PlatformDayCount(
            DateOnly.ParseExact(id["day"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture), id["platform"].AsString, document["posts"].ToInt64());
    }
}
