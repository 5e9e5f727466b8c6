using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>
/// Public posts of a Bluesky account through the AppView's XRPC API, no login needed: the profile (DID, counts),
/// the author feed paged back to the last known post (or the backfill limit), and a getPosts check of recent posts.
/// </summary>
internal sealed class BlueskyAdapter(
    IHttpClientFactory httpClients,
    IOptions<BlueskyOptions> options,
    TimeProvider time,
    ILogger<BlueskyAdapter> logger) : IPlatformAdapter
{
    private readonly BlueskyOptions options = options.Value;

    public string Platform => Platforms.Bluesky;

    public AdapterCapabilities Capabilities { get; } = new(IncrementalCursor: true, ProfileCounts: true, DeletionDetection: true);

    public string? ValidateHandle(string handle) => BlueskyHandle.Parse(handle, out var error) is null ? error : null;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (BlueskyHandle.Parse(request.Account.Handle, out var error) is not { } actor)
        {
            return FetchResult.Failed(PollStatus.Error, error!);
        }

        var api = new BlueskyApi(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, time);
        // Handles change; the DID found on the first poll stays the account's identity.
        var profileResponse = await api.QueryAsync("app.bsky.actor.getProfile", [("actor", request.Cursor.ExternalId ?? actor)],
            BlueskyJsonContext.Default.BlueskyProfile, cancellationToken);
        if (profileResponse.Failure is { } failure)
        {
            return failure;
        }

        var profile = profileResponse.Value!;
        if (profile.Did is not { } did || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            throw new PayloadFormatException("The Bluesky profile has no DID.");
        }

        var counts = new ProfileCounts(profile.FollowersCount, profile.FollowsCount, profile.PostsCount);
        var backfill = request.IsFirstPoll || request.Cursor.Position is null;
        var read = await new BlueskyFeedReader(api, options, request.Account.Id, logger).ReadAsync(did, request, backfill, cancellationToken);
        if (read.Failure is { } readFailure)
        {
            return readFailure with { Profile = counts };
        }

        var seen = read.Posts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        var checks = read.DeferUntil is null && options.DeletionChecksPerPoll > 0
            ? await new BlueskyDeletionCheck(api, options.DeletionChecksPerPoll, request.Account.Id, logger)
                .CheckAsync(did, request.RecentPosts.Where(p => !seen.Contains(p.PostId)), cancellationToken)
            : new BlueskyDeletionCheckResult([], [], null);

        var deferUntil = read.DeferUntil ?? checks.DeferUntil;
        return new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = [.. read.Posts, .. checks.Current],
            Deletions = [.. checks.Deleted.Select(id => new PostDeletion(id, DeletionEvidence.Absent))],
            Profile = counts,
            Cursor = request.Cursor with { Position = read.Posts.Count > 0 ? read.Posts[0].PostId : request.Cursor.Position, ExternalId = did },
            RetryAfter = deferUntil,
            PlatformWide = deferUntil is not null,
        };
    }
}
