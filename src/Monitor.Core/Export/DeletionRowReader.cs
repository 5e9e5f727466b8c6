using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Export;

/// <summary>
/// The deletion episodes whose <c>deletedAt</c> falls in the filter's window, computed from the versions stream
/// (see <see cref="DeletionEpisodes"/>), oldest deletion first. Versions are read from the window's start to the
/// present, so a restore after the window still closes its episode; only the episodes are held in memory.
/// </summary>
public static class DeletionRowReader
{
    public static async Task<IReadOnlyList<DeletionRow>> ReadAsync(IRecordReader reader, RecordFilter filter, CancellationToken cancellationToken)
    {
        var builder = new DeletionEpisodes();
        await foreach (var version in reader.ReadVersionsAsync(filter with { To = null }, cancellationToken))
        {
            builder.Add(version);
        }

        var episodes = builder.Episodes.Where(e => filter.To is not { } to || e.DeletedAt < to).ToList();
        var published = await PublishedAtAsync(reader, episodes, filter.AccountId, cancellationToken);
        return episodes
            .Select(e => new DeletionRow(e, published.TryGetValue((e.Platform, e.AccountId, e.PostId), out var at) ? at : null))
            .ToList();
    }

    private static async Task<Dictionary<(string, string, string), DateTimeOffset>> PublishedAtAsync(
        IRecordReader reader, List<DeletionEpisode> episodes, string? accountId, CancellationToken cancellationToken)
    {
        var published = new Dictionary<(string, string, string), DateTimeOffset>();
        if (episodes.Count == 0)
        {
            return published;
        }

        var wanted = episodes.Select(e => (e.Platform, e.AccountId, e.PostId)).ToHashSet();
        await foreach (var stored in reader.ReadPostsAsync(new RecordFilter(AccountId: accountId), cancellationToken))
        {
            var key = (stored.Platform, stored.AccountId, stored.Post.PostId);
            if (wanted.Contains(key))
            {
                published[key] = stored.Post.PublishedAt;
            }
        }

        return published;
    }
}
