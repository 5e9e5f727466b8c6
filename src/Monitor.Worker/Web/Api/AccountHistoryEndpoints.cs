using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Worker.Web.Api;

/// <summary>One account's page: its state, newest posts, poll history and followers over time.</summary>
internal static class AccountHistoryEndpoints
{
    public const int DefaultPosts = 20;
    public const int MaxPosts = 200;
    public const int DefaultSnapshots = 50;
    public const int MaxSnapshots = 500;

    public static RouteGroupBuilder MapAccountHistory(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{id}", GetAccountAsync);
        api.MapGet("/accounts/{id}/posts", GetPostsAsync);
        api.MapGet("/accounts/{id}/snapshots", GetSnapshotsAsync);
        api.MapGet("/accounts/{id}/followers", GetFollowersAsync);
        return api;
    }

    private static async Task<IResult> GetAccountAsync(string id, IAccountStore accounts, SecretRedactor redactor, CancellationToken ct) =>
        await FindAsync(accounts, id, ct) is { } record
            ? Results.Json(AccountSummary.From(record, redactor), WebJsonContext.Default.AccountSummary)
            : NotFound(id);

    private static async Task<IResult> GetPostsAsync(string id, HttpContext http, IAccountStore accounts, IRecentRecordReader recent, CancellationToken ct)
    {
        if (!ReportQuery.TryParseLimit(http.Request.Query, DefaultPosts, MaxPosts, out var limit, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        if (await FindAsync(accounts, id, ct) is null)
        {
            return NotFound(id);
        }

        var posts = await recent.ReadNewestPostsAsync(id, limit, ct);
        return Results.Json(posts.Select(PostSummary.From).ToArray(), WebJsonContext.Default.IReadOnlyListPostSummary);
    }

    private static async Task<IResult> GetSnapshotsAsync(
        string id, HttpContext http, IAccountStore accounts, IRecentRecordReader recent, SecretRedactor redactor, CancellationToken ct)
    {
        if (!ReportQuery.TryParseLimit(http.Request.Query, DefaultSnapshots, MaxSnapshots, out var limit, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        if (await FindAsync(accounts, id, ct) is null)
        {
            return NotFound(id);
        }

        var snapshots = await recent.ReadNewestSnapshotsAsync(id, limit, ct);
        return Results.Json(snapshots.Select(s => SnapshotSummary.From(s, redactor)).ToArray(), WebJsonContext.Default.IReadOnlyListSnapshotSummary);
    }

    private static async Task<IResult> GetFollowersAsync(
        string id, HttpContext http, IAccountStore accounts, IRecordReader reader, TimeProvider time, CancellationToken ct)
    {
        if (!ReportQuery.TryParseWindow(http.Request.Query, ApiResults.Today(time), out var window, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        if (await FindAsync(accounts, id, ct) is null)
        {
            return NotFound(id);
        }

        // Streamed oldest first, so the value kept per day is that day's last count: one point per day, whatever the poll rate.
        var byDay = new SortedDictionary<DateOnly, long>();
        await foreach (var snapshot in reader.ReadSnapshotsAsync(new RecordFilter(window.Start, window.End, id), ct))
        {
            if (snapshot.Followers is { } followers)
            {
                byDay[DateOnly.FromDateTime(snapshot.CapturedAt.UtcDateTime)] = followers;
            }
        }

        return Results.Json(byDay.Select(d => new DayFollowers(d.Key, d.Value)).ToArray(), WebJsonContext.Default.IReadOnlyListDayFollowers);
    }

    private static async Task<AccountRecord?> FindAsync(IAccountStore accounts, string id, CancellationToken ct) =>
        (await accounts.ListAccountsAsync(ct)).FirstOrDefault(r => string.Equals(r.Account.Id, id, StringComparison.Ordinal));

    private static IResult NotFound(string id) =>
        Results.Json(new ApiError($"No account '{id}'."), WebJsonContext.Default.ApiError, statusCode: StatusCodes.Status404NotFound);
}
