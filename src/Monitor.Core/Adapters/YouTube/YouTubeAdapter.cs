using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>
/// YouTube channels: the public channel feed always (latest ~15 videos, views, likes, edits via <c>updated</c>); with an
/// API key also the Data API for @handles, profile counts, backfill and burst catch-up through the uploads playlist, and
/// deletions. Capabilities are declared according to whether the key is set.
/// </summary>
internal sealed class YouTubeAdapter(IHttpClientFactory httpClients, IOptions<YouTubeOptions> options, TimeProvider time, ILogger<YouTubeAdapter> logger)
    : IPlatformAdapter
{
    private readonly YouTubeOptions options = options.Value;

    private bool HasKey => !string.IsNullOrWhiteSpace(options.ApiKey);

    public string Platform => Platforms.YouTube;

    public AdapterCapabilities Capabilities => new(
        NeedsCredentials: false, IncrementalCursor: HasKey, ConditionalGet: true, ProfileCounts: HasKey, EditDetection: true,
        DeletionDetection: HasKey && options.CheckDeletions);

    public string? ValidateHandle(string handle) => YouTubeHandle.Validate(handle);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform));
        var api = HasKey ? new YouTubeApiClient(http, options, time, logger) : null;
        var resolved = await ResolveChannelIdAsync(request, api, cancellationToken);
        if (resolved.Failure is not null) return resolved.Failure;
        var channelId = resolved.Value!;

        YouTubeChannel? channel = null;
        if (api is not null)
        {
            var channels = await api.GetChannelAsync(channelId, cancellationToken);
            if (channels.Failure is not null) return channels.Failure;
            channel = channels.Value!.Items?.FirstOrDefault();
            if (channel is null) return FetchResult.Failed(PollStatus.NotFound, $"YouTube channel {channelId} does not exist.", 200);
        }

        var feed = await new YouTubeFeedClient(http, options, time, logger).GetAsync(channelId, request.Cursor, cancellationToken);
        if (feed.Failure is not null) return feed.Failure;
        var fetched = feed.Value!;
        var statistics = channel?.Statistics;
        var result = new FetchResult
        {
            Status = fetched.NotModified ? PollStatus.NotModified : PollStatus.Ok,
            HttpStatus = fetched.NotModified ? 304 : 200,
            Profile = statistics is null ? null : new ProfileCounts(Followers: statistics.SubscriberCount, PostsTotal: statistics.VideoCount),
            CacheHint = fetched.CacheHint,
            Cursor = fetched.Cursor with { ExternalId = channelId },
        };
        if (fetched.NotModified) return result;

        var posts = fetched.Entries.Select(YouTubePostMapper.Map).ToDictionary(p => p.PostId, StringComparer.Ordinal);
        var uploads = channel?.ContentDetails?.RelatedPlaylists?.Uploads;
        if (NeedsUploads(request, fetched.Entries))
        {
            if (api is not null && uploads is not null)
            {
                var older = await new YouTubeUploadsReader(api, options.MaxBackfillPages, logger).ReadAsync(uploads, request, cancellationToken);
                if (older.Failure is not null) return older.Failure;
                foreach (var post in older.Value!) posts.TryAdd(post.PostId, post); // the feed's copy carries metrics
            }
            else if (!request.IsFirstPoll)
            {
                Log.YouTubeFeedWindowOverrun(logger, request.Account.Id, fetched.Entries.Count);
            }
        }

        var deleted = api is not null && options.CheckDeletions ? await FindDeletedAsync(api, request, posts, cancellationToken) : [];
        var newest = posts.Values.MaxBy(p => p.PublishedAt);
        return result with
        {
            Posts = posts.Values.ToArray(),
            Deletions = [.. deleted.Select(id => new PostDeletion(id, DeletionEvidence.Absent))],
            Cursor = result.Cursor with { Position = newest?.PostId ?? request.Cursor.Position },
        };
    }

    private async Task<YouTubeResponse<string>> ResolveChannelIdAsync(FetchRequest request, YouTubeApiClient? api, CancellationToken cancellationToken)
    {
        var handle = request.Account.Handle.Trim();
        if (YouTubeHandle.IsChannelId(handle)) return YouTubeResponse<string>.Of(handle);

        // A handle resolved once is kept in the cursor: it saves a quota unit on every later poll.
        if (request.Cursor.ExternalId is { Length: > 0 } known) return YouTubeResponse<string>.Of(known);
        if (api is null)
        {
            return YouTubeResponse<string>.Fail(FetchResult.Failed(PollStatus.Error,
                $"{handle} needs Monitor:Platforms:YouTube:ApiKey to be resolved, or use the UC channel id as the handle."));
        }

        var found = await api.FindChannelByHandleAsync(handle, cancellationToken);
        if (found.Failure is not null) return YouTubeResponse<string>.Fail(found.Failure);
        if (found.Value!.Items?.FirstOrDefault()?.Id is not { } channelId)
        {
            return YouTubeResponse<string>.Fail(FetchResult.Failed(PollStatus.NotFound, $"YouTube has no channel with the handle {handle}.", 200));
        }

        Log.YouTubeHandleResolved(logger, request.Account.Id, handle, channelId);
        return YouTubeResponse<string>.Of(channelId);
    }

    /// <summary>A first poll backfills; later, a feed none of whose entries was seen before means a burst beyond its window.</summary>
    private static bool NeedsUploads(FetchRequest request, IReadOnlyList<YouTubeFeedEntry> entries)
    {
        if (request.IsFirstPoll) return true;
        var known = YouTubeUploadsReader.KnownIds(request);
        return entries.Count > 0 && known.Count > 0 && !entries.Any(e => known.Contains(e.VideoId));
    }

    /// <summary>Recent stored videos not in this poll's result are looked up; ids videos.list does not return are gone.</summary>
    private async Task<IReadOnlyList<string>> FindDeletedAsync(
        YouTubeApiClient api, FetchRequest request, Dictionary<string, Post> seen, CancellationToken cancellationToken)
    {
        var candidates = request.RecentPosts.Select(p => p.PostId).Where(id => !seen.ContainsKey(id)).Distinct().Take(YouTubeApiClient.PageSize).ToArray();
        if (candidates.Length == 0) return [];
        var videos = await api.GetVideosAsync(candidates, cancellationToken);
        if (videos.Failure is { } failure)
        {
            Log.YouTubeDeletionCheckFailed(logger, request.Account.Id, failure.Status.ToWireName(), failure.Error);
            return [];
        }

        var present = (videos.Value!.Items ?? []).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(id => !present.Contains(id)).ToArray();
    }
}
