using Monitor.Core.Activity;
using Monitor.Core.Activity.Study;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The study's aggregates from MongoDB (<see cref="MongoStudyPipelines"/>), joined here with the enabled accounts.</summary>
internal sealed class MongoStudyQueries(IMongoDatabase database) : IStudyQueries
{
    public async Task<IReadOnlyList<AccountStudyFacts>> QueryStudyFactsAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var accounts = await EnabledAccountsAsync(cancellationToken);
        var polls = ById(await AggregateAsync("snapshots", MongoStudyPipelines.Polls(window), cancellationToken));
        var firsts = ById(await AggregateAsync("posts", MongoStudyPipelines.FirstPosts(window), cancellationToken));
        var reposts = ById(await AggregateAsync("posts", MongoStudyPipelines.Reposts(window), cancellationToken));
        return accounts.Select(a => ToFacts(a["_id"].AsString, polls.GetValueOrDefault(a["_id"].AsString), firsts.GetValueOrDefault(a["_id"].AsString),
            reposts.GetValueOrDefault(a["_id"].AsString)) with { PlatformCreatedAt = PlatformCreatedAt(a) }).ToArray();
    }

    public async Task<IReadOnlyList<LanguageCount>> QueryLanguagesAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var enabled = (await EnabledAccountsAsync(cancellationToken)).Select(a => a["_id"].AsString).ToHashSet(StringComparer.Ordinal);
        return (await AggregateAsync("posts", MongoStudyPipelines.Languages(window), cancellationToken))
            .Select(ToLanguageCount)
            .Where(c => enabled.Contains(c.AccountId))
            .OrderBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.Language, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Joins one account's pipeline results; a missing result means no polls, posts or measured posts.</summary>
    internal static AccountStudyFacts ToFacts(string accountId, BsonDocument? polls, BsonDocument? first, BsonDocument? reposts) => new(
        accountId,
        polls?["polls"].ToInt64() ?? 0,
        polls?["successfulPolls"].ToInt64() ?? 0,
        first?["firstPostAt"].ToUniversalTime() is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
        reposts?["measuredPosts"].ToInt64() ?? 0,
        reposts?["repostsReceived"].ToInt64() ?? 0);

    internal static LanguageCount ToLanguageCount(BsonDocument result)
    {
        var key = result["_id"].AsBsonDocument;
        return new LanguageCount(key["accountId"].AsString,
            key.GetValue("language", BsonNull.Value) is { IsBsonNull: false } language ? language.AsString : null,
            result["posts"].ToInt64());
    }

    /// <summary>The account document's <c>state.platformCreatedAt</c>; null when missing or null.</summary>
    internal static DateTimeOffset? PlatformCreatedAt(BsonDocument account) =>
        account.GetValue("state", BsonNull.Value) is BsonDocument state && state.GetValue("platformCreatedAt", BsonNull.Value) is BsonDateTime at
            ? new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero)
            : null;

    private static Dictionary<string, BsonDocument> ById(List<BsonDocument> results) =>
        results.ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);

    private async Task<List<BsonDocument>> EnabledAccountsAsync(CancellationToken cancellationToken)
    {
        var documents = await database.GetCollection<BsonDocument>("accounts")
            .Find(Builders<BsonDocument>.Filter.Eq("enabled", true))
            .Project(Builders<BsonDocument>.Projection.Include("_id").Include("state.platformCreatedAt"))
            .Sort(Builders<BsonDocument>.Sort.Ascending("_id"))
            .ToListAsync(cancellationToken);
        return documents;
    }

    private async Task<List<BsonDocument>> AggregateAsync(string collection, BsonDocument[] stages, CancellationToken cancellationToken)
    {
        var pipeline = PipelineDefinition<BsonDocument, BsonDocument>.Create(stages);
        using var cursor = await database.GetCollection<BsonDocument>(collection)
            .AggregateAsync(pipeline, new AggregateOptions { AllowDiskUse = true }, cancellationToken);
        return await cursor.ToListAsync(cancellationToken);
    }
}
