using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Posts;

public sealed class PostMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Captured = T0.AddDays(1);
    private static readonly Post Original = new() { PostId = "1", PublishedAt = T0, Title = "Title", Text = "Body", UpdatedAt = T0, Url = "https://e.test/1" };

    private static PostMerge.Stored StoredOf(Post post, int normaliser = 3, DateTimeOffset? editedAt = null, DateTimeOffset? deletedAt = null, int absent = 0, string? hash = null) => new(
        hash ?? ContentHash.Compute(post), normaliser, post.PublishedAt, post.PublishedAtEstimated, post.UpdatedAt, editedAt, deletedAt, absent, 3,
        post.Url, post.Language, post.Author, post.Metrics, post.Kind);

    [Fact]
    public void ContentHash_IsPrefixedSha256OfNormalisedTitleNewlineText()
    {
        // printf 'Title\nBody' | sha256sum
        Assert.Equal("sha256:b93e9074bf0f60db9ff2f517fe8ce3ce2f29aec3e00989a2c1a8a727005bffc2", ContentHash.Compute(Original));
        Assert.Equal(ContentHash.Compute(Original), ContentHash.Compute(Original with { Title = "  Title ", Text = "Body\r\n" }));
        Assert.NotEqual(ContentHash.Compute(Original), ContentHash.Compute(Original with { Text = "Bo dy" }));
    }

    [Fact]
    public void ContentHash_RandomTitlesAndTexts_MatchTheDefinitionComputedDirectly()
    {
        // White space of every kind, non-ASCII, astral characters and a lone surrogate (UTF-8 writes U+FFFD for it).
        string[] pieces = [" ", "\t", "\r\n", "\u00A0", "\u2003", "a", "Zé", "Министерство", "外交", "😀", "\uD800", "\n\n"];
        var random = new Random(11);
        for (var round = 0; round < 1000; round++)
        {
            string? Draw() => random.Next(6) == 0 ? null : string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var post = Original with { Title = Draw(), Text = Draw() };
            var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(Collapse(post.Title) + "\n" + Collapse(post.Text))));
            Assert.Equal(expected, ContentHash.Compute(post));
            Assert.Equal(Collapse(post.Text), ContentHash.Normalise(post.Text));
        }

        static string Collapse(string? value) =>
            string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static TheoryData<string, VersionReason?, DateTimeOffset?> EditCases => new()
    {
        // change, version recorded, expected EditedAt (stored: edited T0+1h)
        { "none", null, T0.AddHours(1) },
        { "content", VersionReason.Edited, Captured },
        { "contentAndUpdatedForward", VersionReason.Edited, T0.AddHours(5) },
        { "contentAndExplicit", VersionReason.Edited, T0.AddHours(3) },
        { "updatedForwardOnly", null, T0.AddHours(1) },
        { "explicitOnly", null, T0.AddHours(1) },
        { "metricsOnly", null, T0.AddHours(1) },
        { "urlOnly", null, T0.AddHours(1) },
    };

    [Theory]
    [MemberData(nameof(EditCases))]
    public void Merge_OnlyAContentChangeIsAnEdit(string change, VersionReason? reason, DateTimeOffset? editedAt)
    {
        var fetched = change switch
        {
            "content" => Original with { Text = "Corrected" },
            "contentAndUpdatedForward" => Original with { Text = "Corrected", UpdatedAt = T0.AddHours(5) },
            "contentAndExplicit" => Original with { Text = "Corrected", EditedAt = T0.AddHours(3) },
            "updatedForwardOnly" => Original with { UpdatedAt = T0.AddHours(5) },
            "explicitOnly" => Original with { EditedAt = T0.AddHours(3) },
            "metricsOnly" => Original with { Metrics = new PostMetrics(Likes: 9) },
            "urlOnly" => Original with { Url = "https://e.test/moved" },
            _ => Original,
        };

        var write = PostMerge.Merge(StoredOf(Original, editedAt: T0.AddHours(1)), fetched, "rss", Captured);

        Assert.Equal((reason, editedAt), (write.NewVersion, write.EditedAt));
        Assert.Equal(reason is null ? 3 : 4, write.LatestVersion);
        Assert.Equal(change is "none" or "explicitOnly" ? PostWriteKind.Touch : PostWriteKind.Update, write.Kind);
    }

    [Fact]
    public void Merge_OlderNormaliserVersion_ChangedTextIsReparsedNotEdited()
    {
        var write = PostMerge.Merge(StoredOf(Original, normaliser: 1), Original with { Text = "Body, as the new parser reads it" }, "rss", Captured);

        Assert.Equal(VersionReason.Reparsed, write.NewVersion);
        Assert.False(write.Edited);
        Assert.Null(write.EditedAt);
        Assert.Equal(ContentHash.NormaliserVersion("rss"), write.NormaliserVersion);
    }

    [Fact]
    public void Merge_OlderNormaliserVersionWithANewerExplicitEdit_IsAnEdit()
    {
        var write = PostMerge.Merge(StoredOf(Original, normaliser: 1), Original with { Text = "Edited", EditedAt = T0.AddHours(2) }, "mastodon", Captured);

        Assert.Equal(VersionReason.Edited, write.NewVersion);
    }

    [Fact]
    public void Merge_LegacyHashOfTheSameContent_UpgradesSilently()
    {
        var write = PostMerge.Merge(StoredOf(Original, normaliser: 1, hash: ContentHash.Legacy(Original)), Original, "rss", Captured);

        Assert.Null(write.NewVersion);
        Assert.Equal(PostWriteKind.Update, write.Kind);
        Assert.Equal(ContentHash.Compute(Original), write.ContentHash);
    }

    [Fact]
    public void Merge_MissingFieldsKeepTheStoredValues()
    {
        var stored = Original with { Language = "en", Author = "FCDO", Metrics = new PostMetrics(1, 2, 3, 4) };

        var write = PostMerge.Merge(StoredOf(stored), Original with { Url = null, Metrics = new PostMetrics(Likes: 30) }, "rss", Captured);

        Assert.Equal(("https://e.test/1", "en", "FCDO"), (write.Post.Url, write.Post.Language, write.Post.Author));
        Assert.Equal(new PostMetrics(1, 2, 30, 4), write.Post.Metrics);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void Merge_AnEstimateNeverReplacesARealDate(bool storedEstimated, bool fetchedEstimated, bool takesFetched)
    {
        var stored = Original with { PublishedAtEstimated = storedEstimated };
        var fetched = Original with { PublishedAt = T0.AddDays(-3), PublishedAtEstimated = fetchedEstimated };

        var write = PostMerge.Merge(StoredOf(stored), fetched, "rss", Captured);

        Assert.Equal(takesFetched ? (T0.AddDays(-3), fetchedEstimated) : (T0, storedEstimated), (write.Post.PublishedAt, write.Post.PublishedAtEstimated));
    }

    [Fact]
    public void Merge_ADeletedPostSeenAgain_IsRestored()
    {
        var write = PostMerge.Merge(StoredOf(Original, deletedAt: T0.AddHours(2), absent: 2), Original, "rss", Captured);

        Assert.Equal((VersionReason.Restored, (DateTimeOffset?)null, 0), (write.NewVersion, write.DeletedAt, write.AbsentChecks));
    }

    public static TheoryData<DeletionEvidence, int, int, bool> DeletionCases => new()
    {
        // evidence, absences already counted, confirmations, marked now?
        { DeletionEvidence.NotFound, 0, 2, true },
        { DeletionEvidence.Tombstone, 0, 3, true },
        { DeletionEvidence.DeleteEvent, 0, 3, true },
        { DeletionEvidence.Absent, 0, 2, false },
        { DeletionEvidence.Absent, 1, 2, true },
        { DeletionEvidence.Absent, 0, 1, true },
        { DeletionEvidence.Absent, 1, 3, false },
    };

    [Theory]
    [MemberData(nameof(DeletionCases))]
    public void Delete_PositiveEvidenceMarksAtOnceAbsenceOnlyWhenConfirmed(DeletionEvidence evidence, int absences, int confirmations, bool marked)
    {
        var change = PostMerge.Delete(StoredOf(Original, absent: absences), evidence, confirmations, Captured);

        Assert.NotNull(change);
        Assert.Equal(absences + 1, change.AbsentChecks);
        Assert.Equal(marked ? Captured : null, change.DeletedAt);
        Assert.Equal(marked ? VersionReason.Deleted : null, change.NewVersion);
        Assert.Equal(marked ? 4 : 3, change.LatestVersion);
    }

    [Fact]
    public void Delete_AnAlreadyDeletedPost_ChangesNothing()
    {
        Assert.Null(PostMerge.Delete(StoredOf(Original, deletedAt: T0), DeletionEvidence.NotFound, 2, Captured));
    }
}
