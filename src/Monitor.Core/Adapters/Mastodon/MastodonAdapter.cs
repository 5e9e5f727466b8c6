using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>
/// Public statuses of a Mastodon account through the instance's REST API: account lookup (profile counts, suspension),
/// gap-free forward paging with <c>min_id</c>, backfill with <c>max_id</c> on the first poll, and re-reads of the
/// newest stored statuses for deletions and edits.
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
        if (MastodonHandle.Parse(request.Account.Handle, out var error) is not { } handle)
        {
            return FetchResult.Failed(PollStatus.Error, error!);
        }

        var api = new MastodonApi(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, OriginOf(handle), time);
        // Docs (methods/accounts#lookup): works without a token and returns counts and the suspended flag.
        var lookup = await api.GetAsync("api/v1/accounts/lookup?acct=" + Uri.EscapeDataString(handle.Username),
            MastodonJsonContext.Default.MastodonAccount, cancellationToken);
        if (lookup.Failure is { } lookupFailure)
        {
            return Scoped(lookupFailure);
        }

        var account = lookup.Value!;
        if (string.IsNullOrEmpty(account.Id) || !account.Id.All(char.IsAsciiDigit))
        {
            throw new PayloadFormatException("The Mastodon account lookup returned no usable account id.");
        }

        if (account.Suspended == true)
        {
            return FetchResult.Failed(PollStatus.Suspended, "The instance has suspended this account.", 200);
        }

        if (account.Moved is { } moved)
        {
            Log.MastodonAccountMoved(logger, request.Account.Id, moved.Acct);
        }

        var profile = new ProfileCounts(account.FollowersCount, account.FollowingCount, account.StatusesCount);
        if (lookup.Limit.Exhausted)
        {
            var limited = FetchResult.Failed(PollStatus.RateLimited, "Mastodon rate limit used up.", 200, lookup.Limit.Reset);
            return Scoped(limited) with { Profile = profile };
        }

        return await ReadStatusesAsync(api, request, account.Id, profile, cancellationToken);
    }

    private async Task<FetchResult> ReadStatusesAsync(
        MastodonApi api, FetchRequest request, string accountId, ProfileCounts profile, CancellationToken cancellationToken)
    {
        var timeline = new MastodonTimeline(api, options, request.Account.Id, logger);
        var position = request.Cursor.Position;
        var read = request.IsFirstPoll || position is null
            ? await timeline.ReadHistoryAsync(accountId, request.BackfillSince, cancellationToken)
            : await timeline.ReadNewerAsync(accountId, position, cancellationToken);
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
            Cursor = request.Cursor with
            {
                Position = MastodonIdComparer.Newest(read.Statuses.Select(s => s.Id).Append(position)),
                ExternalId = accountId,
            },
            RetryAfter = deferUntil,
            PlatformWide = deferUntil is not null && options.BaseUrl is not null,
        };
    }

    // Mastodon limits per instance and IP (docs: api/rate-limits). Only a configured BaseUrl puts every account
    // behind one host, and only then does a limit concern the whole platform.
    private FetchResult Scoped(FetchResult failure) =>
        failure with { PlatformWide = failure.Status == PollStatus.RateLimited && options.BaseUrl is not null };

    private Uri OriginOf(MastodonHandle handle) =>
        string.IsNullOrWhiteSpace(options.BaseUrl) ? handle.Origin : new Uri(options.BaseUrl.TrimEnd('/') + "/");
}
