using Monitor.Core.Activity;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Worker.Web.Api;

/// <summary>One tracked account with the state of its last poll (<c>/api/accounts</c>).</summary>
internal sealed record AccountSummary(
    string Id,
    string Platform,
    string Handle,
    string Country,
    string Actor,
    string? Name,
    string? Language,
    bool Enabled,
    string? Status,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? NextPollAt,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    string? LastError)
{
    /// <summary>Handles and errors pass the redactor: a feed URL or an error text may carry a token.</summary>
    public static AccountSummary From(AccountRecord record, SecretRedactor redactor)
    {
        var (account, state) = (record.Account, record.State);
        return new AccountSummary(account.Id, account.Platform, redactor.Redact(account.Handle) ?? string.Empty, account.Country,
            account.Actor.ToString(), account.Name, account.Language, account.Enabled, state.LastStatus?.ToWireName(),
            state.LastPollAt, state.NextPollAt, state.LastSuccessAt, state.ConsecutiveFailures, redactor.Redact(state.LastError));
    }
}

/// <summary>
/// One account over a window: its activity figures, posts per day (every day of the window, zeros included) and the
/// weekday × hour heatmap (<c>heatmap[0]</c> is Monday, 24 UTC hours each).
/// </summary>
internal sealed record AccountActivityResponse(DateOnly From, DateOnly To, AccountActivity Activity, IReadOnlyList<DayPosts> Daily, long[][] Heatmap)
{
    public static AccountActivityResponse Create(ActivityWindow window, AccountActivity activity, IReadOnlyList<DailyCount> days)
    {
        // The store returns only days with posts; the chart wants every day of the window.
        var byDay = days.ToDictionary(d => d.Day);
        var daily = Enumerable.Range(0, window.Days)
            .Select(i => window.From.AddDays(i))
            .Select(day => new DayPosts(day, byDay.TryGetValue(day, out var count) ? count.Posts : 0))
            .ToArray();
        var heatmap = Enumerable.Range(0, 7).Select(_ => new long[24]).ToArray();
        foreach (var day in days)
        {
            var weekday = ((int)day.Day.DayOfWeek + 6) % 7;
            for (var hour = 0; hour < 24; hour++)
            {
                heatmap[weekday][hour] += day.ByHourUtc[hour];
            }
        }

        return new AccountActivityResponse(window.From, window.To, activity, daily, heatmap);
    }
}

/// <summary>Posts on one UTC day.</summary>
internal sealed record DayPosts(DateOnly Day, long Posts);

/// <summary>An error answer: <c>{"error": "..."}</c>.</summary>
internal sealed record ApiError(string Error);
