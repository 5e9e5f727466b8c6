using Monitor.Core.Activity;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The aggregation pipelines behind activity reports, as plain BSON stages so they can be read (and golden-tested)
/// as the server receives them. Field names follow the Mongo store: posts {accountId, publishedAt, kind},
/// time-series snapshots {capturedAt, meta: {accountId}, followers, postsTotal}.
/// </summary>
internal static class MongoActivityPipelines
{
    private const long DayMs = 86_400_000;

    /// <summary>Per account over the window: kind counts, active days, weekly count, weekday/hour histograms and the median gap.</summary>
    public static BsonDocument[] Posts(ActivityWindow window) =>
    [
        new("$match", new BsonDocument("publishedAt", InWindow(window))),
        // $shift over the account's posts in time order gives each post its predecessor (MongoDB 5.0+).
        new("$setWindowFields", new BsonDocument
        {
            { "partitionBy", "$accountId" },
            { "sortBy", new BsonDocument("publishedAt", 1) },
            { "output", new BsonDocument("previous", new BsonDocument("$shift", new BsonDocument { { "output", "$publishedAt" }, { "by", -1 } })) },
        }),
        new("$group", new BsonDocument
        {
            { "_id", "$accountId" },
            { "originals", CountIf(new BsonDocument("$eq", new BsonArray { "$kind", "post" })) },
            { "replies", CountIf(new BsonDocument("$eq", new BsonArray { "$kind", "reply" })) },
            { "reposts", CountIf(new BsonDocument("$eq", new BsonArray { "$kind", "repost" })) },
            { "quotes", CountIf(new BsonDocument("$eq", new BsonArray { "$kind", "quote" })) },
            { "weeklyCount", CountIf(new BsonDocument("$gte", new BsonArray { "$publishedAt", window.WeekStart.UtcDateTime })) },
            { "days", new BsonDocument("$addToSet", new BsonDocument("$floor", new BsonDocument("$divide", new BsonArray { new BsonDocument("$toLong", "$publishedAt"), DayMs }))) },
            { "weekdays", new BsonDocument("$push", new BsonDocument("$isoDayOfWeek", "$publishedAt")) },
            { "hours", new BsonDocument("$push", new BsonDocument("$hour", "$publishedAt")) },
            { "gaps", new BsonDocument("$push", new BsonDocument("$subtract", new BsonArray { "$publishedAt", "$previous" })) },
        }),
        new("$project", new BsonDocument
        {
            { "originals", 1 }, { "replies", 1 }, { "reposts", 1 }, { "quotes", 1 }, { "weeklyCount", 1 },
            { "activeDays", new BsonDocument("$size", "$days") },
            { "byWeekday", Histogram("$weekdays", 1, 8) },
            { "byHourUtc", Histogram("$hours", 0, 24) },
            { "medianGapMs", Median(new BsonDocument("$filter", new BsonDocument { { "input", "$gaps" }, { "cond", new BsonDocument("$ne", new BsonArray { "$$this", BsonNull.Value }) } })) },
        }),
    ];

    /// <summary>The newest post before the window's end per account: $sort + $first lets the server use the (accountId, publishedAt) index.</summary>
    public static BsonDocument[] LastPosts(ActivityWindow window) =>
    [
        new("$match", new BsonDocument("publishedAt", new BsonDocument("$lt", window.End.UtcDateTime))),
        // Both keys descending: the (accountId, publishedAt, postId) index walked backwards serves the sort, and $group
        // with $first after it can use a DISTINCT_SCAN; a mixed-direction sort would sort every post in memory.
        new("$sort", new BsonDocument { { "accountId", -1 }, { "publishedAt", -1 } }),
        new("$group", new BsonDocument { { "_id", "$accountId" }, { "lastPostAt", new BsonDocument("$first", "$publishedAt") } }),
    ];

    /// <summary>
    /// First and last follower count and post counter in the window ($min/$max of {t, v} ignore snapshots without the
    /// figure), and the stored posts published after the first and at or before the last counter snapshot.
    /// </summary>
    public static BsonDocument[] Snapshots(ActivityWindow window) =>
    [
        new("$match", new BsonDocument("capturedAt", InWindow(window))),
        new("$group", new BsonDocument
        {
            { "_id", "$meta.accountId" },
            { "followersFirst", new BsonDocument("$min", Stamped("$followers")) },
            { "followersLast", new BsonDocument("$max", Stamped("$followers")) },
            { "counterFirst", new BsonDocument("$min", Stamped("$postsTotal")) },
            { "counterLast", new BsonDocument("$max", Stamped("$postsTotal")) },
        }),
        new("$lookup", new BsonDocument
        {
            { "from", "posts" },
            { "let", new BsonDocument { { "account", "$_id" }, { "from", "$counterFirst.t" }, { "to", "$counterLast.t" } } },
            { "pipeline", new BsonArray
                {
                    new BsonDocument("$match", new BsonDocument("$expr", new BsonDocument("$and", new BsonArray
                    {
                        new BsonDocument("$eq", new BsonArray { "$accountId", "$$account" }),
                        new BsonDocument("$gt", new BsonArray { "$publishedAt", "$$from" }),
                        new BsonDocument("$lte", new BsonArray { "$publishedAt", "$$to" }),
                    }))),
                    new BsonDocument("$count", "n"),
                }
            },
            { "as", "inCounterSpan" },
        }),
    ];

    /// <summary>One account's posts per UTC day (<c>_id</c> = <c>yyyy-MM-dd</c>) and hour, oldest first; served by the (accountId, publishedAt) index.</summary>
    public static BsonDocument[] DailyCounts(string accountId, ActivityWindow window) =>
    [
        new("$match", new BsonDocument { { "accountId", accountId }, { "publishedAt", InWindow(window) } }),
        new("$group", new BsonDocument
        {
            { "_id", new BsonDocument("$dateToString", new BsonDocument { { "format", "%Y-%m-%d" }, { "date", "$publishedAt" } }) },
            { "posts", new BsonDocument("$sum", 1) },
            { "hours", new BsonDocument("$push", new BsonDocument("$hour", "$publishedAt")) },
        }),
        new("$project", new BsonDocument { { "posts", 1 }, { "byHourUtc", Histogram("$hours", 0, 24) } }),
        new("$sort", new BsonDocument("_id", 1)),
    ];

    private static BsonDocument InWindow(ActivityWindow window) =>
        new() { { "$gte", window.Start.UtcDateTime }, { "$lt", window.End.UtcDateTime } };

    private static BsonDocument CountIf(BsonDocument condition) =>
        new("$sum", new BsonDocument("$cond", new BsonArray { condition, 1, 0 }));

    private static BsonDocument Stamped(string field) =>
        new("$cond", new BsonArray
        {
            new BsonDocument("$gt", new BsonArray { field, BsonNull.Value }),
            new BsonDocument { { "t", "$capturedAt" }, { "v", field } },
            "$$REMOVE",
        });

    private static BsonDocument Histogram(string values, int first, int end) =>
        new("$map", new BsonDocument
        {
            { "input", new BsonDocument("$range", new BsonArray { first, end }) },
            { "as", "k" },
            { "in", new BsonDocument("$size", new BsonDocument("$filter", new BsonDocument
                {
                    { "input", values },
                    { "cond", new BsonDocument("$eq", new BsonArray { "$$this", "$$k" }) },
                })) },
        });

    // Exact median: the mean of the middle one or two sorted gaps ($sortArray: MongoDB 5.2+).
    private static BsonDocument Median(BsonDocument gaps) =>
        new("$let", new BsonDocument
        {
            { "vars", new BsonDocument { { "g", new BsonDocument("$sortArray", new BsonDocument { { "input", gaps }, { "sortBy", 1 } }) } } },
            { "in", new BsonDocument("$cond", new BsonArray
                {
                    new BsonDocument("$eq", new BsonArray { new BsonDocument("$size", "$$g"), 0 }),
                    BsonNull.Value,
                    new BsonDocument("$avg", new BsonArray
                    {
                        new BsonDocument("$arrayElemAt", new BsonArray { "$$g", Half(new BsonDocument("$subtract", new BsonArray { new BsonDocument("$size", "$$g"), 1 })) }),
                        new BsonDocument("$arrayElemAt", new BsonArray { "$$g", Half(new BsonDocument("$size", "$$g")) }),
                    }),
                }) },
        });

    // Integer division by two, as $arrayElemAt needs an int index.
    private static BsonDocument Half(BsonDocument value) =>
        new("$toInt", new BsonDocument("$floor", new BsonDocument("$divide", new BsonArray { value, 2 })));
}
