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
        var verdict = IdentityVerdict.Same;
        if (api is not null)
        {
            var checkedChannel = await GetChannelAsync(api, request.Account, request.Cursor, channelId, cancellationToken);
            if (checkedChannel.Failure is not null) return checkedChannel.Failure;
            (channel, verdict) = checkedChannel.Value!;
        }

        var feed = await new YouTubeFeedClient(http, options, time, logger).GetAsync(channelId, request.Cursor, cancellationToken);
        if (feed.Failure is not null) return feed.Failure;
        var fetched = feed.Value!;
        var statistics = channel?.Statistics;
        var result = new FetchResult
        {
            Status = fetched.NotModified ? PollStatus.NotModified : PollStatus.Ok,
            HttpStatus = fetched.NotModified ? 304 : 200,
            Profile = statistics is null ? null : new ProfileCounts(Followers: statistics.SubscriberCount, PostsTotal: statistics.VideoCount)
            {
                CreatedAt = channel?.Snippet?.PublishedAt,
            },
            CacheHint = fetched.CacheHint,
            Identity = new AccountIdentity(channelId, channel?.Snippet?.CustomUrl),
            Cursor = fetched.Cursor with { ExternalId = channelId },
        };
        if (fetched.NotModified) return AccountIdentityRule.Report(result, verdict, request.Account);

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

        var newest = posts.Values.MaxBy(p => p.PublishedAt);
        var (deleted, present) = api is not null && options.CheckDeletions ? await FindDeletedAsync(api, request, posts, cancellationToken) : ([], []);
        return AccountIdentityRule.Report(result with
        {
            Posts = [.. posts.Values, .. present],
            Deletions = [.. deleted.Select(id => new PostDeletion(id, DeletionEvidence.Absent))],
            Cursor = result.Cursor with { Position = newest?.PostId ?? request.Cursor.Position },
        }, verdict, request.Account);
    }

    /// <summary>
    /// With a key, one channels.list by the channel id (no quota beyond its unit); without, one conditional GET of the
    /// channel feed, whose 404 says the channel is gone.
    /// </summary>
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform));
        var api = HasKey ? new YouTubeApiClient(http, options, time, logger) : null;
        var request = new FetchRequest(account, cursor, false, null, []);
        var resolved = await ResolveChannelIdAsync(request, api, cancellationToken);
        if (resolved.Failure is not null) return resolved.Failure;
        var channelId = resolved.Value!;
        if (api is null)
        {
            var feed = await new YouTubeFeedClient(http, options, time, logger).GetAsync(channelId, cursor, cancellationToken);
            return feed.Failure ?? new FetchResult { Status = PollStatus.Ok, HttpStatus = feed.Value!.NotModified ? 304 : 200, Identity = new AccountIdentity(channelId, null) };
        }

        var channel = await GetChannelAsync(api, account, cursor, channelId, cancellationToken);
        if (channel.Failure is not null) return channel.Failure;
        var (found, verdict) = channel.Value!;
        var statistics = found.Statistics;
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Identity = new AccountIdentity(channelId, found.Snippet?.CustomUrl),
            Profile = statistics is null ? null : new ProfileCounts(Followers: statistics.SubscriberCount, PostsTotal: statistics.VideoCount)
            {
                CreatedAt = found.Snippet?.PublishedAt,
            },
        };
        return AccountIdentityRule.Report(result, verdict, account);
    }

    /// <summary>
    /// The channel by its id, judged against the listed @handle (<c>customUrl</c>: a new one is a followed rename). A
    /// recorded channel that is gone while the listed @handle now names another channel is a reused handle.
    /// </summary>
    private async Task<YouTubeResponse<ChannelCheck>> GetChannelAsync(
        YouTubeApiClient api, TrackedAccount account, PollCursor cursor, string channelId, CancellationToken cancellationToken)
    {
        var handle = account.Handle.Trim();
        var listedById = YouTubeHandle.IsChannelId(handle);
        var channels = await api.GetChannelAsync(channelId, cancellationToken);
        if (channels.Failure is not null) return YouTubeResponse<ChannelCheck>.Fail(channels.Failure);
        if (channels.Value!.Items?.FirstOrDefault() is not { } channel)
        {
            if (!listedById && cursor.ExternalId is { } recorded
                && (await api.FindChannelByHandleAsync(handle, cancellationToken)).Value?.Items?.FirstOrDefault()?.Id is { } other && other != recorded)
            {
                return YouTubeResponse<ChannelCheck>.Fail(AccountIdentityRule.Changed(account, recorded, new AccountIdentity(other, handle)));
            }

            return YouTubeResponse<ChannelCheck>.Fail(FetchResult.Failed(PollStatus.NotFound, $"YouTube channel {channelId} does not exist.", 200));
        }

        var verdict = AccountIdentityRule.Judge(cursor.ExternalId, handle, new AccountIdentity(channelId, channel.Snippet?.CustomUrl), listedById);
        return YouTubeResponse<ChannelCheck>.Of(new ChannelCheck(channel, verdict));
    }

    private sealed record ChannelCheck(YouTubeChannel Channel, IdentityVerdict Verdict);

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

    /// <summary>
    /// Recent stored videos not in this poll's result are looked up: ids videos.list does not return are absent (deleted,
    /// or private: the API does not say which, so only repeated absence confirms); the others come back as present.
    /// </summary>
    private async Task<(IReadOnlyList<string> Absent, IReadOnlyList<Post> Present)> FindDeletedAsync(
        YouTubeApiClient api, FetchRequest request, Dictionary<string, Post> seen, CancellationToken cancellationToken)
    {
        var candidates = request.RecentPosts.Select(p => p.PostId).Where(id => !seen.ContainsKey(id)).Distinct().Take(YouTubeApiClient.PageSize).ToArray();
        if (candidates.Length == 0) return ([], []);
        var videos = await api.GetVideosAsync(candidates, cancellationToken);
        if (videos.Failure is { } failure)
        {
            Log.YouTubeDeletionCheckFailed(logger, request.Account.Id, failure.Status.ToWireName(), failure.Error);
            return ([], []);
        }

        var items = videos.Value!.Items ?? [];
        var returned = items.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var present = items.Select(YouTubePostMapper.Map).OfType<Post>().Where(p => candidates.Contains(p.PostId)).ToArray();
        return (candidates.Where(id => !returned.Contains(id)).ToArray(), present);
    }
}
