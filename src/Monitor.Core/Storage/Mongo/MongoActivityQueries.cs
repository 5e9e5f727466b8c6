using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Activity aggregates from MongoDB: three aggregation pipelines (<see cref="MongoActivityPipelines"/>) run in the
/// server, joined here per account with the enabled accounts. Only one small document per account reaches the client.
/// </summary>
internal sealed class MongoActivityQueries(IMongoDatabase database) : IActivityQueries
{
    private static readonly FilterDefinition<BsonDocument> Enabled = Builders<BsonDocument>.Filter.Eq("enabled", true);

    public async Task<IReadOnlyList<AccountActivityFacts>> QueryActivityAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var accounts = await LoadAccountsAsync(cancellationToken);
        var posts = await AggregateAsync("posts", MongoActivityPipelines.Posts(window), cancellationToken);
        var lastPosts = await AggregateAsync("posts", MongoActivityPipelines.LastPosts(window), cancellationToken);
        var snapshots = await AggregateAsync("snapshots", MongoActivityPipelines.Snapshots(window), cancellationToken);
        return accounts.Select(a => ToFacts(a,
            posts.GetValueOrDefault(a.Account.Id), lastPosts.GetValueOrDefault(a.Account.Id), snapshots.GetValueOrDefault(a.Account.Id))).ToArray();
    }

    public async Task<IReadOnlyList<TrackedAccount>> ListEnabledAccountsAsync(CancellationToken cancellationToken) =>
        (await LoadAccountsAsync(cancellationToken)).Select(a => a.Account).ToArray();

    public async Task<IReadOnlyList<DailyCount>> DailyCountsAsync(string accountId, ActivityWindow window, CancellationToken cancellationToken)
    {
        var days = await AggregateAsync("posts", MongoActivityPipelines.DailyCounts(accountId, window), cancellationToken);
        return days.Values
            .Select(d => new DailyCount(DateOnly.ParseExact(d["_id"].AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d["posts"].ToInt64(),
                d["byHourUtc"].AsBsonArray.Select(v => v.ToInt64()).ToArray()))
            .OrderBy(d => d.Day)
            .ToArray();
    }

    /// <summary>Joins one account's pipeline results; a missing result means no posts or snapshots in the window.</summary>
    internal static AccountActivityFacts ToFacts((TrackedAccount Account, PollStatus? LastStatus) account, BsonDocument? posts, BsonDocument? lastPost, BsonDocument? snapshots)
    {
        long Count(string name) => posts?.GetValue(name, 0).ToInt64() ?? 0;
        long[] Counts(string name, int size) => posts?.GetValue(name, BsonNull.Value) is BsonArray values
            ? values.Select(v => v.ToInt64()).ToArray()
            : new long[size];
        var counterFirst = Stamp(snapshots, "counterFirst");
        var counterLast = Stamp(snapshots, "counterLast");
        long? inSpan = counterFirst is null ? null
            : snapshots!["inCounterSpan"].AsBsonArray.Select(d => d["n"].ToInt64()).FirstOrDefault();
        return new AccountActivityFacts(
            account.Account,
            account.LastStatus,
            Count("originals"), Count("replies"), Count("reposts"), Count("quotes"),
            Count("activeDays"),
            posts?.GetValue("medianGapMs", BsonNull.Value) is { IsBsonNull: false } median ? median.ToDouble() : null,
            Count("weeklyCount"),
            lastPost?["lastPostAt"].ToUniversalTime() is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null,
            Counts("byWeekday", 7),
            Counts("byHourUtc", 24),
            Stamp(snapshots, "followersFirst")?["v"].ToInt64(),
            Stamp(snapshots, "followersLast")?["v"].ToInt64(),
            counterFirst?["v"].ToInt64(),
            counterLast?["v"].ToInt64(),
            inSpan);
    }

    private static BsonDocument? Stamp(BsonDocument? snapshots, string name) =>
        snapshots?.GetValue(name, BsonNull.Value) is BsonDocument stamp ? stamp : null;

    private async Task<List<(TrackedAccount Account, PollStatus? LastStatus)>> LoadAccountsAsync(CancellationToken cancellationToken)
    {
        var documents = await database.GetCollection<BsonDocument>("accounts")
            .Find(Enabled).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).ToListAsync(cancellationToken);
        return documents.Select(ReadAccount).ToList();
    }

    internal static (TrackedAccount Account, PollStatus? LastStatus) ReadAccount(BsonDocument d)
    {
        string? Optional(BsonDocument doc, string name) => doc.GetValue(name, BsonNull.Value) is { IsBsonNull: false } v ? v.AsString : null;
        var state = d.GetValue("state", BsonNull.Value) as BsonDocument;
        var status = state is null ? null : Optional(state, "lastStatus");
        return (new TrackedAccount(d["_id"].AsString, d["platform"].AsString, d["handle"].AsString, d["country"].AsString,
                Enum.Parse<ActorType>(d["actor"].AsString, ignoreCase: true), Optional(d, "name"), Optional(d, "language"), d.GetValue("enabled", true).ToBoolean()),
            status is null ? null : PollStatusNames.Parse(status));
    }

    private async Task<Dictionary<string, BsonDocument>> AggregateAsync(string collection, BsonDocument[] stages, CancellationToken cancellationToken)
    {
        var pipeline = PipelineDefinition<BsonDocument, BsonDocument>.Create(stages);
        var options = new AggregateOptions { AllowDiskUse = true };
        using var cursor = await database.GetCollection<BsonDocument>(collection).AggregateAsync(pipeline, options, cancellationToken);
        var results = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        await cursor.ForEachAsync(d => results[d["_id"].AsString] = d, cancellationToken);
        return results;
    }
}
