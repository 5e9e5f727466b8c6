using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

public sealed class PostMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Captured = T0.AddDays(1);

    [Fact]
    public void ContentHash_TitleAndText_IsHexSha256OfTitleNewlineText()
    {
        Assert.Equal("b93e9074bf0f60db9ff2f517fe8ce3ce2f29aec3e00989a2c1a8a727005bffc2",
            PostMerge.ContentHash(new Post { PostId = "1", PublishedAt = T0, Title = "Title", Text = "Body" }));
        Assert.Equal("01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b",
            PostMerge.ContentHash(new Post { PostId = "1", PublishedAt = T0 }));
    }

    public static TheoryData<string, bool, DateTimeOffset?> EditCases => new()
    {
        // change, edited?, expected EditedAt (stored: hash "h", updated T0, edited T0+1h)
        { "none", false, T0.AddHours(1) },
        { "hash", true, Captured },
        { "updatedForward", true, T0.AddHours(5) },
        { "updatedBackward", false, T0.AddHours(1) },
        { "explicitNewer", true, T0.AddHours(3) },
        { "explicitSame", false, T0.AddHours(1) },
        { "hashAndExplicit", true, T0.AddHours(3) },
        { "hashAndUpdatedSame", true, Captured },
    };

    [Theory]
    [MemberData(nameof(EditCases))]
    public void Merge_Changes_DecideEditAndEditTime(string change, bool edited, DateTimeOffset? editedAt)
    {
        var stored = new PostMerge.Stored("h", T0, false, T0, T0.AddHours(1));
        var post = new Post { PostId = "1", PublishedAt = T0, UpdatedAt = T0 };
        var (fetched, hash) = change switch
        {
            "hash" => (post, "h2"),
            "updatedForward" => (post with { UpdatedAt = T0.AddHours(5) }, "h"),
            "updatedBackward" => (post with { UpdatedAt = T0.AddHours(-5) }, "h"),
            "explicitNewer" => (post with { EditedAt = T0.AddHours(3) }, "h"),
            "explicitSame" => (post with { EditedAt = T0.AddHours(1) }, "h"),
            "hashAndExplicit" => (post with { EditedAt = T0.AddHours(3) }, "h2"),
            "hashAndUpdatedSame" => (post, "h2"),
            _ => (post, "h"),
        };

        var outcome = PostMerge.Merge(stored, fetched, hash, Captured);

        Assert.Equal((edited, editedAt), (outcome.Edited, outcome.EditedAt));
        Assert.Equal(change == "updatedForward" ? T0.AddHours(5) : T0, outcome.SourceUpdatedAt);
    }

    public static TheoryData<bool, bool, DateTimeOffset, bool> DateCases => new()
    {
        // stored estimated?, fetched estimated?, expected date, expected estimated (stored T0, fetched T0 - 2 d)
        { false, false, T0, false },
        { false, true, T0, false },
        { true, true, T0, true },
        { true, false, T0.AddDays(-2), false },
    };

    [Theory]
    [MemberData(nameof(DateCases))]
    public void Merge_PublishedDates_RealOnesWinAndStay(bool storedEstimated, bool fetchedEstimated, DateTimeOffset expected, bool expectedEstimated)
    {
        var stored = new PostMerge.Stored("h", T0, storedEstimated, null, null);
        var fetched = new Post { PostId = "1", PublishedAt = T0.AddDays(-2), PublishedAtEstimated = fetchedEstimated };

        var outcome = PostMerge.Merge(stored, fetched, "h", Captured);

        Assert.Equal((expected, expectedEstimated, false), (outcome.PublishedAt, outcome.PublishedAtEstimated, outcome.Edited));
    }
}
