namespace Monitor.Core.Posts;

/// <summary>What kind of post; wire names are <c>post|reply|repost|quote</c>.</summary>
public enum PostKind
{
    Post,
    Reply,
    Repost,
    Quote,
}

public static class PostKindNames
{
    public static string ToWireName(this PostKind kind) => kind switch
    {
        PostKind.Post => "post",
        PostKind.Reply => "reply",
        PostKind.Repost => "repost",
        PostKind.Quote => "quote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static PostKind Parse(string wireName) => wireName switch
    {
        "post" => PostKind.Post,
        "reply" => PostKind.Reply,
        "repost" => PostKind.Repost,
        "quote" => PostKind.Quote,
        _ => throw new FormatException($"Unknown post kind '{wireName}'."),
    };
}
