using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The database and its three collections, plus a loggable description of where they live.</summary>
internal sealed class MongoCollections
{
    public MongoCollections(IMongoClient client, IOptions<MongoOptions> options)
    {
        DatabaseName = options.Value.Database;
        Database = client.GetDatabase(DatabaseName);
        Accounts = Database.GetCollection<BsonDocument>(MongoSchema.Accounts);
        Posts = Database.GetCollection<BsonDocument>(MongoSchema.Posts);
        Snapshots = Database.GetCollection<BsonDocument>(MongoSchema.Snapshots);
        Versions = Database.GetCollection<BsonDocument>(MongoSchema.Versions);
        Observations = Database.GetCollection<BsonDocument>(MongoSchema.Observations);
        Hosts = DescribeHosts(options.Value.ConnectionString);
    }

    public IMongoDatabase Database { get; }

    public string DatabaseName { get; }

    public IMongoCollection<BsonDocument> Accounts { get; }

    public IMongoCollection<BsonDocument> Posts { get; }

    public IMongoCollection<BsonDocument> Snapshots { get; }

    public IMongoCollection<BsonDocument> Versions { get; }

    public IMongoCollection<BsonDocument> Observations { get; }

    /// <summary>The host list of the connection string, safe to log (no user, password or options).</summary>
    public string Hosts { get; }

    public static string DescribeHosts(string connectionString) =>
        string.Join(",", MongoUrl.Create(connectionString).Servers.Select(server => $"{server.Host}:{server.Port}"));
}
