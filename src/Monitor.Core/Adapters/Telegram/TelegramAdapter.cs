using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Telegram;

/// <summary>
/// Public Telegram channels through the t.me web preview (<c>/s/&lt;channel&gt;</c>, no token): newest messages
/// first, paging back with <c>?before=&lt;smallest id&gt;</c> until the stored newest id, the backfill date or a page cap.
/// </summary>
/// <remarks>
/// Deletions are not detected: albums show one widget for several ids and service messages are hidden, so gaps in
/// ids are not evidence of a deletion. Edits show only as the word "edited" in <c>.tgme_widget_message_meta</c>, with no
/// time: the marker is not mapped (<see cref="Post.EditedAt"/> stays null rather than a made-up time) and the store
/// records the edit when the text it compares has changed. The preview shows no numeric channel id, so the channel's
/// username is its only identity: a renamed channel answers as not found under its old name.
/// </remarks>
internal sealed class TelegramAdapter(
    IHttpClientFactory httpClients,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramAdapter> logger) : IPlatformAdapter
{
    private readonly TelegramOptions options = options.Value;

    public string Platform => Platforms.Telegram;

    public AdapterCapabilities Capabilities { get; } = new(IncrementalCursor: true, ProfileCounts: true, EditDetection: true);

    public string? ValidateHandle(string handle) => TelegramHandle.TryNormalize(handle) is null
        ? "A Telegram handle is a public channel username: '@channel', 'channel' or 'https://t.me/channel'."
        : null;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var account = request.Account;
        if (TelegramHandle.TryNormalize(account.Handle) is not { } channel)
        {
            return FetchResult.Failed(PollStatus.NotFound, ValidateHandle(account.Handle)!);
        }

        var stored = long.TryParse(request.Cursor.Position, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (long?)null;
        var read = await ReadMessagesAsync(request, channel, stored, cancellationToken);
        if (read.Failure is { } failure)
        {
            return failure;
        }

        var messages = read.Messages;
        var posts = messages.Values
            .Where(m => !request.IsFirstPoll || request.BackfillSince is not { } since || m.PublishedAt >= since)
            .Select(ToPost)
            .ToArray();
        var newest = messages.Count == 0 ? stored : Math.Max(stored ?? 0, messages.Keys.Max());
        return new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = posts,
            Profile = new ProfileCounts(Followers: read.Subscribers),
            Cursor = request.Cursor with { Position = newest?.ToString(CultureInfo.InvariantCulture) },
        };
    }

    /// <summary>One request: the newest preview page.</summary>
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        if (TelegramHandle.TryNormalize(account.Handle) is not { } channel)
        {
            return FetchResult.Failed(PollStatus.NotFound, ValidateHandle(account.Handle)!);
        }

        var read = await ReadPageAsync(httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform)), channel, null, cancellationToken);
        return read.Failure ?? new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Profile = new ProfileCounts(Followers: read.Page!.Subscribers) };
    }

    /// <summary>Pages back from the newest message until the stored newest id, the backfill date or the page cap.</summary>
    private async Task<MessagesRead> ReadMessagesAsync(FetchRequest request, string channel, long? stored, CancellationToken cancellationToken)
    {
        var known = request.RecentPosts.Select(k => k.PostId).ToHashSet(StringComparer.Ordinal);
        var maxPages = request.IsFirstPoll ? options.MaxBackfillPages : options.MaxPagesPerPoll;
        var http = httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform));
        var messages = new Dictionary<long, TelegramMessage>();
        long? subscribers = null;
        long? before = null;
        for (var page = 1; page <= maxPages; page++)
        {
            var read = await ReadPageAsync(http, channel, before, cancellationToken);
            if (read.Failure is { } failure)
            {
                return new MessagesRead(messages, null, failure);
            }

            var preview = read.Page!;
            subscribers ??= preview.Subscribers;
            foreach (var message in preview.Messages)
            {
                messages[message.Id] = message;
            }

            if (request.IsFirstPoll)
            {
                Log.TelegramBackfillPage(logger, request.Account.Id, page, messages.Count);
            }

            if (preview.OldestId is not { } oldest || ReachedEnd(request, preview, oldest, stored, known, before))
            {
                break;
            }

            if (page == maxPages)
            {
                Log.TelegramPageCapReached(logger, request.Account.Id, maxPages);
            }

            before = oldest;
        }

        return new MessagesRead(messages, subscribers, null);
    }

    private static bool ReachedEnd(
        FetchRequest request, TelegramPreviewPage preview, long oldest, long? stored, HashSet<string> known, long? before)
    {
        var reachedStored = stored is { } s ? oldest <= s + 1 : preview.Messages.Any(m => known.Contains(Id(m)));
        var reachedBackfill = request.IsFirstPoll && request.BackfillSince is { } since
            && preview.Messages.Count > 0 && preview.Messages.Min(m => m.PublishedAt) <= since;
        // A page that does not move back (or reaches message 1) is the channel's beginning.
        return reachedStored || reachedBackfill || oldest <= 1 || (before is { } b && oldest >= b);
    }

    private async Task<PageRead> ReadPageAsync(HttpClient http, string channel, long? before, CancellationToken cancellationToken)
    {
        var url = $"{options.ResolvedBaseUrl}/s/{channel}" + (before is { } b ? "?before=" + b.ToString(CultureInfo.InvariantCulture) : string.Empty);
        using var response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var now = time.GetUtcNow();
        if (!response.IsSuccessStatusCode)
        {
            var failure = HttpFailures.ToResult(response, now);
            // t.me throttles the client address, not one channel: every channel waits.
            return new PageRead(null, failure.Status == PollStatus.RateLimited
                ? failure with { RetryAfter = failure.RetryAfter ?? now + options.RateLimitFallback, PlatformWide = true }
                : failure);
        }

        // t.me answers an unknown or private name by redirecting /s/<name> to its contact page /<name>.
        if (response.RequestMessage?.RequestUri is { } final && !final.AbsolutePath.Contains("/s/", StringComparison.Ordinal))
        {
            return new PageRead(null, NotFound(channel, (int)response.StatusCode));
        }

        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        var preview = TelegramPreviewParser.Parse(Encoding.UTF8.GetString(body), channel);
        return preview.IsChannel ? new PageRead(preview, null) : new PageRead(null, NotFound(channel, (int)response.StatusCode));
    }

    private static FetchResult NotFound(string channel, int status) => FetchResult.Failed(PollStatus.NotFound,
        $"Telegram has no public channel preview for '{channel}' (unknown, private, or not a channel).", status);

    private static string Id(TelegramMessage message) => message.Id.ToString(CultureInfo.InvariantCulture);

    private static Post ToPost(TelegramMessage message) => new()
    {
        PostId = Id(message),
        Url = message.Url,
        PublishedAt = message.PublishedAt,
        Kind = message.Forwarded ? PostKind.Repost : message.IsReply ? PostKind.Reply : PostKind.Post,
        Text = message.Text,
        Author = message.Author,
        Media = MediaLinks.Of(message.Media ?? []),
        Metrics = message.Views is { } views ? new PostMetrics(Views: views) : null,
    };

    private sealed record PageRead(TelegramPreviewPage? Page, FetchResult? Failure);

    private sealed record MessagesRead(Dictionary<long, TelegramMessage> Messages, long? Subscribers, FetchResult? Failure);
}
