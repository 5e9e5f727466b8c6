namespace Monitor.Core.Posts;

/// <summary>A post as an adapter maps it from the platform's wire format.</summary>
public sealed record Post
{
    private readonly IReadOnlyList<string> media = MediaList.Empty;

    /// <summary>The platform's stable identity of the post within the account.</summary>
    public required string PostId { get; init; }

    public string? Url { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>True when the source gave no usable date and <see cref="PublishedAt"/> is the first-seen time.</summary>
    public bool PublishedAtEstimated { get; init; }

    public PostKind Kind { get; init; } = PostKind.Post;

    public string? Title { get; init; }

    /// <summary>Plain text, HTML stripped.</summary>
    public string? Text { get; init; }

    /// <summary>The platform's or feed's language tag as given; or, when <see cref="LanguageDetected"/>, the detector's ISO 639-1 code.</summary>
    public string? Language { get; init; }

    /// <summary>True when <see cref="Language"/> was detected from the text rather than given by the platform.</summary>
    public bool LanguageDetected { get; init; }

    public string? Author { get; init; }

    public PostMetrics? Metrics { get; init; }

    /// <summary>The source's own "updated" time (Atom <c>updated</c>, JSON Feed <c>date_modified</c>).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>An explicit edit time given by the platform (Mastodon <c>edited_at</c>), or null.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>
    /// The absolute http(s) URLs of the post's attached media (images, video, audio, thumbnails) in the order the
    /// platform lists them, without duplicates (<see cref="MediaLinks.Of"/>); empty when it has none. Not content:
    /// a change of media alone is never an edit (<see cref="ContentHash"/>).
    /// </summary>
    public IReadOnlyList<string> Media { get => media; init => media = MediaList.Of(value); }

    /// <summary>Hashtags, mentions, links and the reposted author as the wire format lists them; null: extracted from the text.</summary>
    /// <remarks>Left out of serialised posts when null, so posts of sources without wire entities (feeds) keep their shape.</remarks>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Entities.PostEntities? Entities { get; init; }
}
