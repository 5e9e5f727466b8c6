using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>Renders the command parts the store sends to the JSON the server receives, for golden assertions.</summary>
internal static class MongoRender
{
    private static RenderArgs<BsonDocument> Args => new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    public static string Json(FilterDefinition<BsonDocument> filter) => filter.Render(Args).ToJson();

    public static string Json(UpdateDefinition<BsonDocument> update) => update.Render(Args).ToJson();

    public static string Json(SortDefinition<BsonDocument> sort) => sort.Render(Args).ToJson();

    public static string Json(ProjectionDefinition<BsonDocument> projection) => projection.Render(Args).ToJson();

    /// <summary><c>updateOne|updateMany filter update [upsert]</c>.</summary>
    public static string Json(WriteModel<BsonDocument> model) => model switch
    {
        UpdateOneModel<BsonDocument> one => $"updateOne {Json(one.Filter)} {Json(one.Update)}{(one.IsUpsert ? " upsert" : string.Empty)}",
        UpdateManyModel<BsonDocument> many => $"updateMany {Json(many.Filter)} {Json(many.Update)}{(many.IsUpsert ? " upsert" : string.Empty)}",
        _ => throw new NotSupportedException(model.GetType().Name),
    };

    /// <summary><c>name keys [unique]</c>.</summary>
    public static string Json(CreateIndexModel<BsonDocument> index) =>
        $"{index.Options.Name} {index.Keys.Render(Args).ToJson()}{(index.Options.Unique == true ? " unique" : string.Empty)}";
}
