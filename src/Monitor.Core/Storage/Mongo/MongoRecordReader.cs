using System.Runtime.CompilerServices;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Streams posts and snapshots batch by batch from a server cursor, oldest first.</summary>
internal sealed class MongoRecordReader(MongoCollections collections) : IRecordReader
{
    public IAsyncEnumerable<StoredPost> ReadPostsAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        StreamAsync(collections.Posts, MongoPostCommands.Read(filter), MongoPostCommands.ReadSort(filter),
            MongoPostDocuments.ToStoredPost, cancellationToken);

    public IAsyncEnumerable<ActivitySnapshot> ReadSnapshotsAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        StreamAsync(collections.Snapshots, MongoSnapshotCommands.Read(filter), MongoSnapshotCommands.ReadSort(filter),
            MongoSnapshotDocuments.FromDocument, cancellationToken);

    public IAsyncEnumerable<PostVersion> ReadVersionsAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        StreamAsync(collections.Versions, MongoRange.Filter("accountId", "capturedAt", filter), MongoVersionDocuments.ReadSort(filter),
            MongoVersionDocuments.FromDocument, cancellationToken);

    private static async IAsyncEnumerable<T> StreamAsync<T>(
        IMongoCollection<BsonDocument> collection,
        FilterDefinition<BsonDocument> filter,
        SortDefinition<BsonDocument> sort,
        Func<BsonDocument, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Disk use is allowed for the one case no index serves in order (snapshots of all accounts in a time-series collection).
        var options = new FindOptions<BsonDocument> { Sort = sort, AllowDiskUse = true };
        using var cursor = await collection.FindAsync(filter, options, cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return map(document);
            }
        }
    }
}
