using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>
/// Public posts of a Bluesky account through the AppView's XRPC API, no login needed: the profile (DID, handle, counts),
/// the author feed paged back to the last known post (or the backfill limit), and a getPosts check of recent posts.
/// The DID found on first contact (or listed) is the account's identity: the profile is read by it, so a new handle is a
/// rename that is followed.
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
        var api = CreateApi();
        var resolved = await ResolveAsync(api, request.Account, request.Cursor, cancellationToken);
        if (resolved.Failure is { } failure) return failure;
        var (did, counts, identity, verdict, _) = resolved;

        var backfill = request.IsFirstPoll || request.Cursor.Position is null;
        var read = await new BlueskyFeedReader(api, options, request.Account.Id, logger).ReadAsync(did!, request, backfill, cancellationToken);
        if (read.Failure is { } readFailure)
        {
            return readFailure with { Profile = counts };
        }

        var seen = read.Posts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        var checks = read.DeferUntil is null && options.DeletionChecksPerPoll > 0
            ? await new BlueskyDeletionCheck(api, options, request.Account.Id, logger)
                .CheckAsync(did!, request.RecentPosts.Where(p => !seen.Contains(p.PostId)), cancellationToken)
            : new BlueskyDeletionCheckResult([], [], null);

        var deferUntil = read.DeferUntil ?? checks.DeferUntil;
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = [.. read.Posts, .. checks.Current],
            Deletions = checks.Deletions,
            Profile = counts,
            Identity = identity,
            Cursor = request.Cursor with { Position = read.Posts.Count > 0 ? read.Posts[0].PostId : request.Cursor.Position, ExternalId = did },
            RetryAfter = deferUntil,
            PlatformWide = deferUntil is not null,
        };
        return AccountIdentityRule.Report(result, verdict, request.Account);
    }

    /// <summary>One getProfile call, by the recorded DID when there is one.</summary>
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(CreateApi(), account, cursor, cancellationToken);
        if (resolved.Failure is { } failure) return failure;
        var result = new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Profile = resolved.Counts, Identity = resolved.Identity };
        return AccountIdentityRule.Report(result, resolved.Verdict, account);
    }

    /// <summary>
    /// The profile by the recorded DID (else the listed actor). When the recorded DID is gone and the listed handle now
    /// names another DID, the handle was reused: identityChanged.
    /// </summary>
    private async Task<Resolved> ResolveAsync(BlueskyApi api, TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        if (BlueskyHandle.Parse(account.Handle, out var error) is not { } actor)
        {
            return Resolved.Fail(FetchResult.Failed(PollStatus.Error, error!));
        }

        var recorded = cursor.ExternalId;
        var response = await GetProfileAsync(api, recorded ?? actor, cancellationToken);
        var listedByDid = actor.StartsWith("did:", StringComparison.Ordinal);
        if (response.Failure is { Status: PollStatus.NotFound } && recorded is not null && !listedByDid)
        {
            var byHandle = await GetProfileAsync(api, actor, cancellationToken);
            if (byHandle.Value is { Did: { } other } profileNow && other != recorded)
            {
                return Resolved.Fail(AccountIdentityRule.Changed(account, recorded, IdentityOf(profileNow)));
            }
        }

        if (response.Failure is { } failure)
        {
            return Resolved.Fail(failure);
        }

        var profile = response.Value!;
        if (profile.Did is not { } did || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            throw new PayloadFormatException("The Bluesky profile has no DID.");
        }

        var identity = IdentityOf(profile);
        var verdict = AccountIdentityRule.Judge(recorded, account.Handle, identity, listedByDid);
        if (verdict == IdentityVerdict.Changed)
        {
            return Resolved.Fail(AccountIdentityRule.Changed(account, recorded!, identity));
        }

        return new Resolved(did, new ProfileCounts(profile.FollowersCount, profile.FollowsCount, profile.PostsCount) { CreatedAt = profile.CreatedAt }, identity, verdict, null);
    }

    private static Task<BlueskyResponse<BlueskyProfile>> GetProfileAsync(BlueskyApi api, string actor, CancellationToken cancellationToken) =>
        api.QueryAsync("app.bsky.actor.getProfile", [("actor", actor)], BlueskyJsonContext.Default.BlueskyProfile, cancellationToken);

    // "handle.invalid" is what the AppView shows when a handle no longer verifies: no handle, not a rename.
    private static AccountIdentity IdentityOf(BlueskyProfile profile) =>
        new(profile.Did!, profile.Handle is { } handle && handle != "handle.invalid" ? handle : null);

    private BlueskyApi CreateApi() => new(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, time);

    private sealed record Resolved(string? Did, ProfileCounts? Counts, AccountIdentity? Identity, IdentityVerdict Verdict, FetchResult? Failure)
    {
        public static Resolved Fail(FetchResult failure) => new(null, null, null, IdentityVerdict.Same, failure);
    }
}
