using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>
/// Public statuses of a Mastodon account through the instance's REST API: account lookup (identity, profile counts,
/// suspension), the newest page on every regular poll (new statuses and edits of the 40 newest), gap-free forward paging
/// with <c>min_id</c> through bursts, backfill with <c>max_id</c> on the first poll, and re-reads of a few older stored
/// statuses for deletions (404/410) and edits.
/// </summary>
internal sealed class MastodonAdapter(
    IHttpClientFactory httpClients,
    IOptions<MastodonOptions> options,
    TimeProvider time,
    ILogger<MastodonAdapter> logger) : IPlatformAdapter
{
    private readonly MastodonOptions options = options.Value;

    public string Platform => Platforms.Mastodon;

    public AdapterCapabilities Capabilities { get; } = new(
        IncrementalCursor: true, ProfileCounts: true, EditDetection: true, DeletionDetection: true);

    public string? ValidateHandle(string handle) => MastodonHandle.Parse(handle, out var error) is null ? error : null;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var looked = await LookupAsync(request.Account, request.Cursor, cancellationToken);
        if (looked.Failure is { } failure)
        {
            return failure;
        }

        var result = await ReadStatusesAsync(looked.Api!, request, looked.Account!.Id!, looked.Profile!, cancellationToken);
        result = result with
        {
            Identity = looked.Identity,
            Cursor = result.Cursor is { } cursor ? cursor with { ExternalId = looked.Identity!.StableId } : null,
        };
        return AccountIdentityRule.Report(result, looked.Verdict, request.Account);
    }

    /// <summary>One account lookup: identity, counts, suspension.</summary>
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        var looked = await LookupAsync(account, cursor, cancellationToken);
        if (looked.Failure is { } failure)
        {
            return failure;
        }

        var result = new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Profile = looked.Profile, Identity = looked.Identity };
        return AccountIdentityRule.Report(result, looked.Verdict, account);
    }

    private async Task<Lookup> LookupAsync(TrackedAccount tracked, PollCursor cursor, CancellationToken cancellationToken)
    {
        if (MastodonHandle.Parse(tracked.Handle, out var error) is not { } handle)
        {
            return Lookup.Fail(FetchResult.Failed(PollStatus.Error, error!));
        }

        var api = new MastodonApi(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, OriginOf(handle), time);
        // Docs (methods/accounts#lookup): works without a token and returns counts and the suspended flag.
        var lookup = await api.GetAsync("api/v1/accounts/lookup?acct=" + Uri.EscapeDataString(handle.Username),
            MastodonJsonContext.Default.MastodonAccount, cancellationToken);
        if (lookup.Failure is { } lookupFailure)
        {
            return Lookup.Fail(Scoped(lookupFailure));
        }

        var account = lookup.Value!;
        if (string.IsNullOrEmpty(account.Id) || !account.Id.All(char.IsAsciiDigit))
        {
            throw new PayloadFormatException("The Mastodon account lookup returned no usable account id.");
        }

        var identity = IdentityOf(account, handle);
        var recorded = RecordedId(cursor.ExternalId, account, identity);
        var verdict = AccountIdentityRule.Judge(recorded, ListedAddress(handle), identity, listedByStableId: false);
        if (verdict == IdentityVerdict.Changed)
        {
            return Lookup.Fail(AccountIdentityRule.Changed(tracked, recorded!, identity));
        }

        if (account.Suspended == true)
        {
            return Lookup.Fail(FetchResult.Failed(PollStatus.Suspended, "The instance has suspended this account.", 200));
        }

        if (account.Moved is { } moved)
        {
            Log.MastodonAccountMoved(logger, tracked.Id, moved.Acct);
        }

        var profile = new ProfileCounts(account.FollowersCount, account.FollowingCount, account.StatusesCount) { CreatedAt = account.CreatedAt };
        if (lookup.Limit.Exhausted)
        {
            var limited = FetchResult.Failed(PollStatus.RateLimited, "Mastodon rate limit used up.", 200, lookup.Limit.Reset);
            return Lookup.Fail(Scoped(limited) with { Profile = profile });
        }

        return new Lookup(api, account, profile, identity, verdict, null);
    }

    private async Task<FetchResult> ReadStatusesAsync(
        MastodonApi api, FetchRequest request, string accountId, ProfileCounts profile, CancellationToken cancellationToken)
    {
        var timeline = new MastodonTimeline(api, options, request.Account.Id, logger);
        var position = request.Cursor.Position;
        var read = request.IsFirstPoll || position is null
            ? await timeline.ReadHistoryAsync(accountId, request.BackfillSince, cancellationToken)
            : await timeline.ReadLatestAsync(accountId, position, cancellationToken);
        if (read.Failure is { } failure)
        {
            return Scoped(failure) with { Profile = profile };
        }

        var posts = read.Statuses.Select(MastodonStatusMapper.ToPost).ToList();
        var seen = posts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        var checks = read.DeferUntil is null && options.DeletionChecksPerPoll > 0
            ? await new MastodonDeletionCheck(api, options.DeletionChecksPerPoll)
                .CheckAsync(request.RecentPosts.Where(p => !seen.Contains(p.PostId)), cancellationToken)
            : new MastodonDeletionCheckResult([], [], null);
        posts.AddRange(checks.Current.Select(MastodonStatusMapper.ToPost));

        var deferUntil = read.DeferUntil ?? checks.DeferUntil;
        return new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = posts,
            Deletions = [.. checks.Deleted.Select(id => new PostDeletion(id, DeletionEvidence.NotFound))],
            Profile = profile,
            Cursor = request.Cursor with { Position = MastodonIdComparer.Newest(read.Statuses.Select(s => s.Id).Append(position)) },
            RetryAfter = deferUntil,
            PlatformWide = deferUntil is not null && options.BaseUrl is not null,
        };
    }

    /// <summary>
    /// The actor URI (Mastodon 4.2+) is the stable id; older servers give the profile URL, or only the instance-local id.
    /// Cursors written before
    /// identities were recorded hold the instance-local numeric id: that one still proves the same account, and is
    /// replaced by the URI.
    /// </summary>
    private static AccountIdentity IdentityOf(MastodonAccount account, MastodonHandle handle)
    {
        var acct = account.Acct ?? handle.Username;
        var address = acct.Contains('@', StringComparison.Ordinal) ? acct : $"{acct}@{handle.Origin.Host}";
        return new AccountIdentity(account.Uri ?? account.Url ?? account.Id!, address);
    }

    private static string? RecordedId(string? recorded, MastodonAccount account, AccountIdentity identity) =>
        recorded is not null && recorded.All(char.IsAsciiDigit)
            ? recorded == account.Id ? identity.StableId : recorded
            : recorded;

    private static string ListedAddress(MastodonHandle handle) => $"{handle.Username}@{handle.Origin.Host}";

    // Mastodon limits per instance and IP (docs: api/rate-limits). Only a configured BaseUrl puts every account
    // behind one host, and only then does a limit concern the whole platform.
    private FetchResult Scoped(FetchResult failure) =>
        failure with { PlatformWide = failure.Status == PollStatus.RateLimited && options.BaseUrl is not null };

    private Uri OriginOf(MastodonHandle handle) =>
        string.IsNullOrWhiteSpace(options.BaseUrl) ? handle.Origin : new Uri(options.BaseUrl.TrimEnd('/') + "/");

    private sealed record Lookup(
        MastodonApi? Api, MastodonAccount? Account, ProfileCounts? Profile, AccountIdentity? Identity, IdentityVerdict Verdict, FetchResult? Failure)
    {
        public static Lookup Fail(FetchResult failure) => new(null, null, null, null, IdentityVerdict.Same, failure);
    }
}
