using System.Text.Json.Serialization;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Id lists bound as one JSON parameter and read with <c>json_each</c>: one statement for a whole batch.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
