using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.X;

/// <summary>
/// X (Twitter) through API v2 with an app-only bearer token. The user id found on first contact (or listed as
/// <c>id:…</c>) is kept, so a poll is the timeline alone: paged from <c>since_id</c>, closing gaps a burst left, with the
/// account's metrics from the page's author expansion or, at most every ProfileRefreshInterval, a user lookup. Edits come
/// through the edit history; deletion lookups are opt-in, within a daily budget.
/// </summary>
internal sealed class XAdapter(IHttpClientFactory httpClients, IOptions<XOptions> options, TimeProvider time, ILogger<XAdapter> logger)
    : IPlatformAdapter
{
    /// <summary>Without a token every poll would fail the same way; wait a day rather than loop on errors.</summary>
    private static readonly TimeSpan MissingTokenRecheck = TimeSpan.FromDays(1);

    private readonly XOptions options = options.Value;

    public string Platform => Platforms.X;

    public AdapterCapabilities Capabilities => new(
        NeedsCredentials: true, IncrementalCursor: true, ProfileCounts: true, EditDetection: true,
        DeletionDetection: options.CheckDeletions);

    public string? ValidateHandle(string handle) => XHandle.Validate(handle);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (MissingToken() is { } missing) return missing;
        var api = CreateApi();
        var account = request.Account;
        var cursor = XCursor.Parse(request.Cursor.Position);
        var now = time.GetUtcNow();

        var userId = request.Cursor.ExternalId ?? XHandle.UserId(account.Handle);
        XUser? user = null;
        if (userId is null)
        {
            var lookup = await api.GetUserAsync(XHandle.ToUsername(account.Handle), cancellationToken);
            if (lookup.Failure is not null) return lookup.Failure;
            user = lookup.Value!;
            userId = user.Id;
        }

        var read = await new XTimelineReader(api, options, account.Id, logger).ReadAsync(request, userId, cursor, cancellationToken);
        if (read.Failure is { } failure) return await ExplainVanishedAsync(api, request.Account, request.Cursor, failure, cancellationToken);

        user = read.Author ?? user ?? await RefreshProfileAsync(api, account.Id, userId, cursor, now, cancellationToken);
        var identity = new AccountIdentity(userId, user?.Username ?? cursor.Username);
        var verdict = AccountIdentityRule.Judge(request.Cursor.ExternalId, account.Handle, identity, XHandle.UserId(account.Handle) is not null);
        var username = identity.CurrentHandle ?? (XHandle.UserId(account.Handle) is null ? XHandle.ToUsername(account.Handle) : null);
        var posts = read.Posts.Select(p => XPostMapper.Map(p, username)).ToList();
        cursor = cursor with
        {
            Newest = read.Newest,
            Gaps = read.Gaps.Count == 0 ? null : read.Gaps,
            ProfileAt = user is null ? cursor.ProfileAt : now,
            Username = identity.CurrentHandle,
        };

        var deletions = new List<PostDeletion>();
        if (options.CheckDeletions)
        {
            var check = await CheckDeletionsAsync(api, request, read.Posts, cursor, now, cancellationToken);
            deletions.AddRange(check.Deleted.Select(id => new PostDeletion(id, DeletionEvidence.NotFound)));
            posts.AddRange(check.Present.Select(p => XPostMapper.Map(p, username)));
            cursor = cursor.SpendLookups(DateOnly.FromDateTime(now.UtcDateTime), check.Spent);
        }

        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = posts,
            Deletions = deletions,
            Profile = user?.ToCounts(),
            Identity = identity,
            Cursor = request.Cursor with { Position = cursor.Format(), ExternalId = userId },
            RetryAfter = read.DeferUntil,
            PlatformWide = read.DeferUntil is not null,
        };
        return AccountIdentityRule.Report(result, verdict, account);
    }

    /// <summary>Recent stored posts the poll did not see (nor any version of them), within today's lookup budget.</summary>
    private async Task<XDeletionCheckResult> CheckDeletionsAsync(
        XApiClient api, FetchRequest request, IReadOnlyList<XPost> read, XCursor cursor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = read.SelectMany(p => (p.EditHistoryTweetIds ?? p.EditHistoryPostIds ?? []).Append(p.Id)).ToHashSet(StringComparer.Ordinal);
        var allowance = cursor.LookupsLeft(DateOnly.FromDateTime(now.UtcDateTime), options.DeletionLookupsPerDay);
        return await new XDeletionCheck(api, request.Account.Id, logger).CheckAsync(
            request.RecentPosts.Select(p => p.PostId).Where(id => !seen.Contains(id)), allowance, cancellationToken);
    }

    /// <summary>One user lookup: by the recorded (or listed) user id, else by username on first contact.</summary>
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        if (MissingToken() is { } missing) return missing;
        var api = CreateApi();
        var listedId = XHandle.UserId(account.Handle);
        var knownId = cursor.ExternalId ?? listedId;
        var lookup = knownId is null
            ? await api.GetUserAsync(XHandle.ToUsername(account.Handle), cancellationToken)
            : await api.GetUserByIdAsync(knownId, cancellationToken);
        if (lookup.Failure is { } failure) return await ExplainVanishedAsync(api, account, cursor, failure, cancellationToken);

        var user = lookup.Value!;
        var identity = new AccountIdentity(user.Id, user.Username);
        var verdict = AccountIdentityRule.Judge(cursor.ExternalId, account.Handle, identity, listedId is not null);
        if (verdict == IdentityVerdict.Changed) return AccountIdentityRule.Changed(account, cursor.ExternalId!, identity);
        var result = new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Identity = identity, Profile = user.ToCounts() };
        return AccountIdentityRule.Report(result, verdict, account);
    }

    /// <summary>
    /// The recorded user is gone (not found): if the listed username now belongs to another user, the handle was reused
    /// and polling stops for confirmation; otherwise the failure stands.
    /// </summary>
    private static async Task<FetchResult> ExplainVanishedAsync(
        XApiClient api, TrackedAccount account, PollCursor cursor, FetchResult failure, CancellationToken cancellationToken)
    {
        if (failure.Status != PollStatus.NotFound || cursor.ExternalId is not { } recorded || XHandle.UserId(account.Handle) is not null)
        {
            return failure;
        }

        var byName = await api.GetUserAsync(XHandle.ToUsername(account.Handle), cancellationToken);
        return byName.Value is { } other && other.Id != recorded
            ? AccountIdentityRule.Changed(account, recorded, new AccountIdentity(other.Id, other.Username))
            : failure;
    }

    /// <summary>The user lookup, when no page brought the author and the last counts are older than ProfileRefreshInterval.</summary>
    private async Task<XUser?> RefreshProfileAsync(
        XApiClient api, string accountKey, string userId, XCursor cursor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (cursor.ProfileAt is { } last && now - last < options.ProfileRefreshInterval) return null;
        var lookup = await api.GetUserByIdAsync(userId, cancellationToken);
        if (lookup.Failure is { } failure)
        {
            // The timeline was read: a failed refresh costs only this poll's counts.
            Log.XProfileRefreshFailed(logger, accountKey, failure.Status.ToWireName(), failure.Error);
            return null;
        }

        return lookup.Value;
    }

    private FetchResult? MissingToken() => string.IsNullOrWhiteSpace(options.BearerToken)
        ? FetchResult.Failed(PollStatus.Unauthorized,
            "X needs an app bearer token in Monitor:Platforms:X:BearerToken; no request was made.",
            retryAfter: time.GetUtcNow() + MissingTokenRecheck)
        : null;

    private XApiClient CreateApi() =>
        new(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, time, logger);
}
