using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Collection names, indexes and the time-series definition the store creates at start-up. Indexes carry explicit
/// names so that creating them again (every start, every replica) is a no-op.
/// </summary>
internal static class MongoSchema
{
    public const string Accounts = "accounts";
    public const string Posts = "posts";
    public const string Snapshots = "snapshots";
    public const string Versions = "post_versions";
    public const string Observations = "post_metric_observations";

    // Server error codes as listed in the server source, src/mongo/base/error_codes.yml.
    private const int NamespaceExistsCode = 48;
    private const int InvalidOptionsCode = 72;
    private const int CommandNotSupportedCode = 115;
    private const int UnknownFieldCode = 40415;

    private static IndexKeysDefinitionBuilder<BsonDocument> Keys => Builders<BsonDocument>.IndexKeys;

    /// <summary>
    /// Claims filter on enabled and sort on (next poll time, _id): the index ends in the sort's tie-breaker so a claim
    /// reads accounts in index order and stops at its limit instead of sorting every due account. Deferral by platform.
    /// </summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> AccountIndexes { get; } =
    [
        new(Keys.Ascending("enabled").Ascending("state.nextPollAt").Ascending("_id"), new CreateIndexOptions { Name = "accounts_due_v2" }),
        new(Keys.Ascending("platform"), new CreateIndexOptions { Name = "accounts_platform" }),
        // A claim's candidate streams: per platform, never-scheduled by _id, then due by (nextPollAt, _id) (ClaimCandidates).
        new(Keys.Ascending("enabled").Ascending("platform").Ascending("state.nextPollAt").Ascending("_id"), new CreateIndexOptions { Name = "accounts_claim_v3" }),
    ];

    /// <summary>
    /// The unique identity makes concurrent upserts of one post collapse into one document; the two time indexes end
    /// in the export's sort keys so exports and activity queries stream in index order without an in-memory sort.
    /// </summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> PostIndexes { get; } =
    [
        new(Keys.Ascending("platform").Ascending("accountId").Ascending("postId"),
            new CreateIndexOptions { Name = "posts_identity", Unique = true }),
        new(Keys.Ascending("accountId").Ascending("publishedAt").Ascending("postId"),
            new CreateIndexOptions { Name = "posts_account_published" }),
        new(Keys.Ascending("publishedAt").Ascending("accountId").Ascending("postId"),
            new CreateIndexOptions { Name = "posts_published" }),
        new(Keys.Ascending(MongoSearchCommands.Field).Descending("publishedAt").Descending("postId"), new CreateIndexOptions { Name = "posts_search_tokens" }),
        new(Keys.Ascending(MongoEntityCommands.Field + ".t").Ascending("publishedAt").Ascending("accountId"), new CreateIndexOptions { Name = "posts_entities" }),
    ];

    /// <summary>One document per (post, version): a repeated write of a version collapses on the unique index.</summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> VersionIndexes { get; } =
    [
        new(Keys.Ascending("platform").Ascending("accountId").Ascending("postId").Ascending("version"),
            new CreateIndexOptions { Name = "versions_identity", Unique = true }),
        new(Keys.Ascending("capturedAt").Ascending("accountId"), new CreateIndexOptions { Name = "versions_captured" }),
        new(Keys.Ascending("accountId").Ascending("capturedAt"), new CreateIndexOptions { Name = "versions_account_captured" }),
    ];

    /// <summary>
    /// One observation per (post, age bucket): concurrent upserts collapse on the unique identity. The engagement
    /// report reads an account's observations oldest first (<see cref="MongoObservationCommands.OfAccount"/>).
    /// </summary>
    public static IReadOnlyList<CreateIndexModel<BsonDocument>> ObservationIndexes { get; } =
    [
        new(Keys.Ascending("platform").Ascending("accountId").Ascending("postId").Ascending("bucket"),
            new CreateIndexOptions { Name = "observations_identity", Unique = true }),
        new(Keys.Ascending("accountId").Ascending("publishedAt").Ascending("postId"), new CreateIndexOptions { Name = "observations_account_published" }),
    ];

    public static IReadOnlyList<CreateIndexModel<BsonDocument>> SnapshotIndexes { get; } =
    [
        new(Keys.Ascending("meta.accountId").Ascending("capturedAt"), new CreateIndexOptions { Name = "snapshots_account_captured" }),
        new(Keys.Ascending("capturedAt").Ascending("meta.accountId"), new CreateIndexOptions { Name = "snapshots_captured" }),
    ];

    /// <summary>
    /// One measurement per account per poll, bucketed by account: MongoDB stores such series compactly and serves
    /// time-range queries per meta value (https://www.mongodb.com/docs/manual/core/timeseries-collections/).
    /// Polls run minutes apart, hence granularity minutes.
    /// </summary>
    public static CreateCollectionOptions SnapshotCollectionOptions() => new()
    {
        TimeSeriesOptions = new TimeSeriesOptions("capturedAt", "meta", TimeSeriesGranularity.Minutes),
    };

    /// <summary>Filter for listCollections that finds the snapshots collection (its <c>type</c> says whether it is time series).</summary>
    public static FilterDefinition<BsonDocument> SnapshotCollectionFilter { get; } =
        Builders<BsonDocument>.Filter.Eq("name", Snapshots);

    /// <summary>
    /// True for the answers of servers without time-series collections: before 5.0 the <c>create</c> command rejects
    /// the unknown <c>timeseries</c> field (40415); some MongoDB-compatible servers answer InvalidOptions or
    /// CommandNotSupported naming the option.
    /// </summary>
    public static bool IsTimeSeriesUnsupported(MongoCommandException exception) =>
        exception.Code == UnknownFieldCode
        || (exception.Code is InvalidOptionsCode or CommandNotSupportedCode
            && exception.Message.Contains("timeseries", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when another worker created the collection between our check and our create.</summary>
    public static bool IsAlreadyCreated(MongoCommandException exception) => exception.Code == NamespaceExistsCode;
}
