using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Posts;

public sealed class DeletionEpisodesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Versions as "post:reason@hour" (c created, e edited, d deleted, r restored); episodes as
    /// "post:deletedHour-restoredHour" ("-" when still deleted).
    /// </summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "", "" },
        { "1:c@0 1:e@1", "" },
        { "1:c@0 1:d@2", "1:2-" },
        { "1:c@0 1:d@2 1:r@5", "1:2-5" },
        { "1:c@0 1:d@2 1:r@5 1:d@7 1:r@9", "1:2-5 1:7-9" },
        { "1:c@0 1:d@2 1:d@3 1:r@5", "1:2-5" },
        { "1:c@0 1:r@1", "" },
        { "1:c@0 2:c@0 1:d@1 2:d@2 2:r@3", "1:1- 2:2-3" },
        { "1:d@1", "1:1-" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_ADeletedVersionOpensAndTheNextRestoreCloses(string versions, string expected)
    {
        var episodes = DeletionEpisodes.Of(Parse(versions));

        Assert.Equal(expected, string.Join(' ', episodes.Select(e =>
            $"{e.PostId}:{(e.DeletedAt - T0).TotalHours}-{(e.RestoredAt is { } restored ? (restored - T0).TotalHours : "")}")));
    }

    [Fact]
    public void Of_KeepsTheDeletionVersionsEvidenceAndLastContent()
    {
        var deleted = Version("1", VersionReason.Deleted, 2, 3) with { Title = "T", Text = "Last words", Url = "https://e.test/1", Evidence = DeletionEvidence.Tombstone };

        var episode = Assert.Single(DeletionEpisodes.Of([Version("1", VersionReason.Created, 0, 1), deleted]));

        Assert.Equal(
            new DeletionEpisode("rss", "a", "1", "https://e.test/1", T0.AddHours(2), DeletionEvidence.Tombstone, null, "T", "Last words"),
            episode);
    }

    [Fact]
    public void Of_SamePostIdOnAnotherAccount_IsAnotherPost()
    {
        var episodes = DeletionEpisodes.Of(
        [
            Version("1", VersionReason.Deleted, 1, 2),
            Version("1", VersionReason.Restored, 2, 2) with { AccountId = "b" },
        ]);

        Assert.Null(Assert.Single(episodes).RestoredAt);
    }

    private static IEnumerable<PostVersion> Parse(string versions)
    {
        var numbers = new Dictionary<string, int>();
        foreach (var token in versions.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var post = token[..token.IndexOf(':')];
            var reason = token[token.IndexOf(':') + 1] switch
            {
                'c' => VersionReason.Created,
                'e' => VersionReason.Edited,
                'd' => VersionReason.Deleted,
                _ => VersionReason.Restored,
            };
            numbers[post] = numbers.GetValueOrDefault(post) + 1;
            yield return Version(post, reason, int.Parse(token[(token.IndexOf('@') + 1)..], System.Globalization.CultureInfo.InvariantCulture), numbers[post]);
        }
    }

    private static PostVersion Version(string postId, VersionReason reason, int hour, int number) =>
        new("rss", "a", postId, number, reason, T0.AddHours(hour), "sha256:00", null, "text", null, [], null,
            reason == VersionReason.Deleted ? DeletionEvidence.NotFound : null);
}
