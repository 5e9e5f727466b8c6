namespace Monitor.Core.Entities;

/// <summary>What a stored entity is; wire names are <c>hashtag|mention|link|repost</c>.</summary>
public enum EntityType
{
    Hashtag,
    Mention,
    Link,

    /// <summary>The author of the post a repost reposts: an edge of the mentions network like a mention.</summary>
    Repost,
}

public static class EntityTypeNames
{
    public static string ToWireName(this EntityType type) => type switch
    {
        EntityType.Hashtag => "hashtag",
        EntityType.Mention => "mention",
        EntityType.Link => "link",
        EntityType.Repost => "repost",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static EntityType Parse(string wireName) => wireName switch
    {
        "hashtag" => EntityType.Hashtag,
        "mention" => EntityType.Mention,
        "link" => EntityType.Link,
        "repost" => EntityType.Repost,
        _ => throw new FormatException($"Unknown entity type '{wireName}'."),
    };
}
