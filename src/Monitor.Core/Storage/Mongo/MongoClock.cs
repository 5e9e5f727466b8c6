using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Whose clock lease expiry is computed with. In production the server's (<c>$$NOW</c> in an aggregation expression,
/// https://www.mongodb.com/docs/manual/reference/aggregation-variables/#mongodb-variable-variable.NOW), so workers
/// with skewed clocks agree on when a lease ran out; tests on a fake clock render that clock's time as a literal.
/// </summary>
internal sealed class MongoClock
{
    private readonly TimeProvider? literal;

    private MongoClock(TimeProvider? literal) => this.literal = literal;

    /// <summary>The server's clock.</summary>
    public static MongoClock Server { get; } = new(null);

    /// <summary>A fixed clock rendered as a date literal (tests with a fake time provider).</summary>
    public static MongoClock Literal(TimeProvider time) => new(time);

    /// <summary>The expression for "now": <c>"$$NOW"</c> or a date.</summary>
    public BsonValue Now => literal is null ? new BsonString("$$NOW") : new BsonDateTime(literal.GetUtcNow().UtcDateTime);

    /// <summary><c>{ $add: [now, milliseconds] }</c>: a date that far after now.</summary>
    public BsonDocument After(TimeSpan duration) =>
        new("$add", new BsonArray { Now, (long)duration.TotalMilliseconds });

    /// <summary>Picks the clock for a time provider: the system clock means the server's.</summary>
    public static MongoClock For(TimeProvider time) => ReferenceEquals(time, TimeProvider.System) ? Server : Literal(time);
}
