using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Conversions between nullable .NET values and BSON. Times are stored as BSON dates (UTC, millisecond precision) so
/// that range queries and the time-series collection work on them; a missing field reads as null.
/// </summary>
internal static class MongoBson
{
    public static BsonValue Of(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    public static BsonValue Of(long? value) => value is { } v ? new BsonInt64(v) : BsonNull.Value;

    public static BsonValue Of(int? value) => value is { } v ? new BsonInt32(v) : BsonNull.Value;

    public static BsonValue Of(DateTimeOffset? value) => value is { } v ? new BsonDateTime(v.UtcDateTime) : BsonNull.Value;

    public static BsonDocument? Document(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsBsonDocument ? value.AsBsonDocument : null;

    public static string? String(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsString ? value.AsString : null;

    public static string RequiredString(this BsonDocument document, string name) =>
        document.String(name) ?? throw new FormatException($"Stored document lacks the string field '{name}'.");

    public static long? Long(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsNumeric ? value.ToInt64() : null;

    public static int? Int(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsNumeric ? value.ToInt32() : null;

    public static bool Bool(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsBoolean && value.AsBoolean;

    public static DateTimeOffset? Date(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsValidDateTime
            ? new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero)
            : null;

    public static DateTimeOffset RequiredDate(this BsonDocument document, string name) =>
        document.Date(name) ?? throw new FormatException($"Stored document lacks the date field '{name}'.");
}
