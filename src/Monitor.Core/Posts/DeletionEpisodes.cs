namespace Monitor.Core.Posts;

/// <summary>
/// Builds deletion episodes from a stream of versions (oldest first, as <c>ReadVersionsAsync</c> yields them): a
/// <c>deleted</c> version opens an episode, the post's next <c>restored</c> version closes it. A <c>deleted</c>
/// version while the post's episode is open does not open another (the post was never back); a <c>restored</c>
/// version without an open episode closes nothing. Keeps only the episodes, never the versions.
/// </summary>
public sealed class DeletionEpisodes
{
    private readonly List<DeletionEpisode> episodes = [];
    private readonly Dictionary<(string Platform, string AccountId, string PostId), int> open = [];

    /// <summary>The episodes in the order they opened.</summary>
    public IReadOnlyList<DeletionEpisode> Episodes => episodes;

    public void Add(PostVersion version)
    {
        var key = (version.Platform, version.AccountId, version.PostId);
        if (version.Reason == VersionReason.Deleted && !open.ContainsKey(key))
        {
            open[key] = episodes.Count;
            episodes.Add(new DeletionEpisode(version.Platform, version.AccountId, version.PostId, version.Url, version.CapturedAt,
                version.Evidence, null, version.Title, version.Text));
        }
        else if (version.Reason == VersionReason.Restored && open.Remove(key, out var index))
        {
            episodes[index] = episodes[index] with { RestoredAt = version.CapturedAt };
        }
    }

    /// <summary>The episodes of <paramref name="versions"/>.</summary>
    public static IReadOnlyList<DeletionEpisode> Of(IEnumerable<PostVersion> versions)
    {
        var builder = new DeletionEpisodes();
        foreach (var version in versions)
        {
            builder.Add(version);
        }

        return builder.Episodes;
    }
}
