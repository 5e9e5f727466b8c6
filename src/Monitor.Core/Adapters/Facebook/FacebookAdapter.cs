using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>
/// Facebook Pages through the Graph API: the page's profile (followers), then its <c>/posts</c> listing. Each later poll
/// re-lists from the oldest of the recent stored posts, so one cheap listing yields new posts, edits (changed message,
/// <c>updated_time</c>) and deletions (a stored post missing from a complete listing of its own time range).
/// </summary>
/// <remarks>
/// Deletions are found by re-listing rather than <c>GET /?ids=</c>, which Graph API v26.0 removes (restfb#1692).
/// </remarks>
internal sealed partial class FacebookAdapter(
    IHttpClientFactory httpClients,
    IOptions<FacebookOptions> options,
    TimeProvider time,
    ILogger<FacebookAdapter> logger) : IPlatformAdapter
{
    private readonly FacebookOptions options = options.Value;

    public string Platform => Platforms.Facebook;

    public AdapterCapabilities Capabilities { get; } = new(
        NeedsCredentials: true, IncrementalCursor: true, ProfileCounts: true, EditDetection: true, DeletionDetection: true);

    public string? ValidateHandle(string handle) =>
        HandlePattern().IsMatch(Normalize(handle))
            ? null
            : "A Facebook handle is a page id (digits) or page username (letters, digits, '.', '-').";

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var account = request.Account;
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            Log.FacebookTokenMissing(logger, account.Id);
            return FetchResult.Failed(PollStatus.Unauthorized,
                "No Facebook access token: set Monitor:Platforms:Facebook:AccessToken to a page or system-user token.",
                retryAfter: now + options.MissingTokenRetry);
        }

        if (ValidateHandle(account.Handle) is { } invalid)
        {
            return FetchResult.Failed(PollStatus.NotFound, invalid);
        }

        var graph = new FacebookGraphClient(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, time);
        var resolved = await ResolveAsync(graph, account, request.Cursor, cancellationToken);
        if (resolved.Failure is { } pageFailure)
        {
            return Report(account.Id, pageFailure);
        }

        var (pageValue, identity, verdict, _) = resolved;
        var pageId = identity!.StableId;
        var since = WindowStart(request);
        var known = request.RecentPosts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        var pager = new FacebookPostPager(graph, options, logger);
        var listing = await pager.ListAsync(account.Id, pageId, since, known,
            request.IsFirstPoll ? options.MaxBackfillPages : options.MaxPagesPerPoll, request.IsFirstPoll, cancellationToken);
        if (listing.Failure is { } listFailure)
        {
            return Report(account.Id, listFailure);
        }

        var posts = listing.Posts.Select(FacebookPostMapper.ToPost).ToArray();
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = posts,
            Deletions = [.. Deleted(request, listing, posts, since).Select(id => new PostDeletion(id, DeletionEvidence.Absent))],
            Profile = Counts(pageValue!),
            Identity = identity,
            Cursor = request.Cursor with { Position = NewestSeconds(request.Cursor.Position, posts), ExternalId = pageId },
        };
        return AccountIdentityRule.Report(result, verdict, account);
    }

    /// <summary>One page lookup, by the recorded page id when there is one.</summary>
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            return FetchResult.Failed(PollStatus.Unauthorized, "No Facebook access token: set Monitor:Platforms:Facebook:AccessToken.");
        }

        if (ValidateHandle(account.Handle) is { } invalid)
        {
            return FetchResult.Failed(PollStatus.NotFound, invalid);
        }

        var graph = new FacebookGraphClient(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), options, time);
        var resolved = await ResolveAsync(graph, account, cursor, cancellationToken);
        if (resolved.Failure is { } failure)
        {
            return failure;
        }

        var result = new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Profile = Counts(resolved.Page!), Identity = resolved.Identity };
        return AccountIdentityRule.Report(result, resolved.Verdict, account);
    }

    /// <summary>
    /// The page by its recorded id (else the listed handle): a page that changed its username is followed. When the
    /// recorded page is gone and the listed username now names another page, the handle was reused: identityChanged.
    /// </summary>
    private async Task<ResolvedPage> ResolveAsync(FacebookGraphClient graph, TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        var handle = Normalize(account.Handle);
        var recorded = cursor.ExternalId;
        var listedById = handle.All(char.IsAsciiDigit);
        var page = await GetPageAsync(graph, recorded ?? handle, cancellationToken);
        if (page.Failure is { Status: PollStatus.NotFound } && recorded is not null && !listedById
            && await GetPageAsync(graph, handle, cancellationToken) is { Value: { Id: { } other } now } && other != recorded)
        {
            return ResolvedPage.Fail(AccountIdentityRule.Changed(account, recorded, new AccountIdentity(other, now.Username)));
        }

        if (page.Failure is { } failure)
        {
            return ResolvedPage.Fail(failure);
        }

        var pageId = page.Value!.Id ?? throw new PayloadFormatException("Graph API page response has no id.");
        var identity = new AccountIdentity(pageId, page.Value.Username);
        var verdict = AccountIdentityRule.Judge(recorded, handle, identity, listedById);
        return verdict == IdentityVerdict.Changed
            ? ResolvedPage.Fail(AccountIdentityRule.Changed(account, recorded!, identity))
            : new ResolvedPage(page.Value, identity, verdict, null);
    }

    private static Task<GraphResponse<GraphPage>> GetPageAsync(FacebookGraphClient graph, string idOrName, CancellationToken cancellationToken) =>
        graph.GetAsync($"{Uri.EscapeDataString(idOrName)}?fields=id,name,username,fan_count,followers_count",
            FacebookJsonContext.Default.GraphPage, cancellationToken);

    private static ProfileCounts Counts(GraphPage page) => new(Followers: page.FollowersCount ?? page.FanCount);

    private sealed record ResolvedPage(GraphPage? Page, AccountIdentity? Identity, IdentityVerdict Verdict, FetchResult? Failure)
    {
        public static ResolvedPage Fail(FetchResult failure) => new(null, null, IdentityVerdict.Same, failure);
    }

    /// <summary>
    /// First poll: <c>BackfillSince</c>. Later: the older of the cursor and the oldest recent stored post, one second
    /// early in case <c>since</c> is exclusive, so the stored window is listed again for edits and deletions.
    /// </summary>
    private static DateTimeOffset? WindowStart(FetchRequest request)
    {
        if (request.IsFirstPoll)
        {
            return request.BackfillSince;
        }

        DateTimeOffset? start = long.TryParse(request.Cursor.Position, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        foreach (var known in request.RecentPosts)
        {
            start = start is null || known.PublishedAt < start ? known.PublishedAt : start;
        }

        return start?.AddSeconds(-1);
    }

    /// <summary>Stored posts inside the listed range that the complete listing no longer contains.</summary>
    private string[] Deleted(FetchRequest request, PostListing listing, Post[] posts, DateTimeOffset? since)
    {
        if (request.IsFirstPoll || !listing.Complete || since is null || request.RecentPosts.Count == 0)
        {
            return [];
        }

        var listed = posts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        var deleted = request.RecentPosts.Where(p => p.PublishedAt > since && !listed.Contains(p.PostId)).Select(p => p.PostId).ToArray();
        Log.FacebookDeletionsFound(logger, request.Account.Id, deleted.Length, request.RecentPosts.Count);
        return deleted;
    }

    private static string? NewestSeconds(string? position, Post[] posts)
    {
        var newest = long.TryParse(position, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stored) ? stored : (long?)null;
        foreach (var post in posts)
        {
            var seconds = post.PublishedAt.ToUnixTimeSeconds();
            newest = newest is null || seconds > newest ? seconds : newest;
        }

        return newest?.ToString(CultureInfo.InvariantCulture);
    }

    private FetchResult Report(string accountId, FetchResult failure)
    {
        if (failure.Status == PollStatus.RateLimited)
        {
            Log.FacebookRateLimited(logger, accountId, failure.Error, failure.RetryAfter);
        }

        return failure;
    }

    private static string Normalize(string handle) => handle.Trim().TrimStart('@');

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,99}$")]
    private static partial Regex HandlePattern();
}
