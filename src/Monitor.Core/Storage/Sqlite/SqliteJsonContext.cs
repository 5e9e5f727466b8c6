using System.Text.Json.Serialization;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Id lists bound as one JSON parameter and read with <c>json_each</c>: one statement for a whole batch; and a post's entities as read (<see cref="SqliteRows.PostColumns"/>).</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string?[][]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
