using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Monitor.Testing;

/// <summary>
/// A farm of RSS feeds on 127.0.0.1 that misbehaves on purpose (<see cref="FeedFarmFaults"/>). Feed <c>n</c> is served
/// at <c>/feeds/n.xml</c> with an ETag per version; new posts are published with <see cref="Publish"/>. The farm
/// remembers every post it actually delivered in a complete 200 response, which is what a monitor must end up storing.
/// </summary>
public sealed class FeedFarm : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly List<int>[] feeds;
    private readonly Random random;
    private readonly ConcurrentDictionary<(int Feed, int Post), bool> served = new();
    private readonly int[] counts = new int[6];

    private FeedFarm(LoopbackServer server, int feedCount, FeedFarmFaults faults)
    {
        this.server = server;
        feeds = Enumerable.Range(0, feedCount).Select(_ => new List<int>()).ToArray();
        random = new Random(faults.Seed);
        Faults = faults;
    }

    /// <summary>Faults in force; may be changed between cycles (e.g. to <see cref="FeedFarmFaults.None"/>).</summary>
    public FeedFarmFaults Faults { get; set; }

    /// <summary>Called before each answer (after latency, before faults): lets a test act while a request is in flight.</summary>
    public Func<int, Task>? OnRequest { get; set; }

    /// <summary>Requests received so far.</summary>
    public int RequestCount => server.Requests.Count;

    public int FeedCount => feeds.Length;

    public static async Task<FeedFarm> StartAsync(int feedCount, int postsPerFeed, FeedFarmFaults? faults = null)
    {
        FeedFarm? farm = null;
        var server = await LoopbackServer.StartAsync(context => farm!.ServeAsync(context));
        farm = new FeedFarm(server, feedCount, faults ?? FeedFarmFaults.None);
        for (var feed = 0; feed < feedCount; feed++)
        {
            farm.Publish(feed, postsPerFeed);
        }

        return farm;
    }

    /// <summary>Account id of feed <paramref name="feed"/> in <see cref="AccountsCsv"/>.</summary>
    public static string AccountId(int feed) => $"farm-{feed:D3}";

    /// <summary>The post id (RSS guid) the farm gives post <paramref name="post"/> of feed <paramref name="feed"/>.</summary>
    public static string PostId(int feed, int post) => $"urn:farm:{feed}:{post}";

    public string FeedUrl(int feed) => server.Url($"/feeds/{feed}.xml");

    /// <summary>An account list (the CSV format of <c>Monitor:AccountsFile</c>) with one rss account per feed.</summary>
    public IEnumerable<string> AccountsCsv() =>
        new[] { "id,platform,handle,country,actor,name,language,enabled" }
            .Concat(Enumerable.Range(0, feeds.Length).Select(f => $"{AccountId(f)},rss,{FeedUrl(f)},GBR,Embassy,Farm {f},en,true"));

    /// <summary>Adds <paramref name="count"/> new posts to a feed.</summary>
    public void Publish(int feed, int count)
    {
        lock (feeds[feed])
        {
            for (var i = 0; i < count; i++)
            {
                feeds[feed].Add(feeds[feed].Count);
            }
        }
    }

    /// <summary>Every (account id, post id) delivered in a complete 200 response.</summary>
    public IReadOnlySet<(string AccountId, string PostId)> Served() =>
        served.Keys.Select(k => (AccountId(k.Feed), PostId(k.Feed, k.Post))).ToHashSet();

    /// <summary>Every (account id, post id) published.</summary>
    public IReadOnlySet<(string AccountId, string PostId)> Published() =>
        feeds.SelectMany((posts, f) => Snapshot(f).Select(p => (AccountId(f), PostId(f, p)))).ToHashSet();

    public FeedFarmCounts Counts() => new(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);

    private int[] Snapshot(int feed)
    {
        lock (feeds[feed])
        {
            return feeds[feed].ToArray();
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var name = Path.GetFileNameWithoutExtension(context.Request.Path.Value ?? string.Empty);
        if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var feed) || feed >= feeds.Length)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var faults = Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, aborted);
        }

        if (OnRequest is { } hook)
        {
            await hook(feed);
        }

        if (!await InjectFaultAsync(context, faults))
        {
            await ServeFeedAsync(context, feed, malformed: false);
        }
    }

    private async Task<bool> InjectFaultAsync(HttpContext context, FeedFarmFaults faults)
    {
        double roll;
        int status;
        lock (random)
        {
            roll = random.NextDouble();
            status = 500 + random.Next(3);
        }

        if ((roll -= faults.ServerErrors) < 0)
        {
            Interlocked.Increment(ref counts[2]);
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("farm: injected server error", context.RequestAborted);
            return true;
        }

        if ((roll -= faults.Timeouts) < 0)
        {
            Interlocked.Increment(ref counts[3]);
            try
            {
                await Task.Delay(faults.TimeoutHold, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            }
            catch (OperationCanceledException)
            {
                // The client gave up first, as it should.
            }

            return true;
        }

        if ((roll -= faults.RateLimits) < 0)
        {
            Interlocked.Increment(ref counts[4]);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            return true;
        }

        if ((roll -= faults.MalformedBodies) < 0)
        {
            Interlocked.Increment(ref counts[5]);
            var feed = int.Parse(Path.GetFileNameWithoutExtension(context.Request.Path.Value!), CultureInfo.InvariantCulture);
            await ServeFeedAsync(context, feed, malformed: true);
            return true;
        }

        return false;
    }

    private async Task ServeFeedAsync(HttpContext context, int feed, bool malformed)
    {
        var posts = Snapshot(feed);
        var etag = $"\"v{posts.Length}\"";
        if (!malformed && context.Request.Headers.IfNoneMatch == etag)
        {
            Interlocked.Increment(ref counts[1]);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = Encoding.UTF8.GetBytes(Render(feed, posts));
        if (malformed)
        {
            body = body[..(body.Length * 2 / 3)];
        }
        else
        {
            context.Response.Headers.ETag = etag;
        }

        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (!malformed)
        {
            Interlocked.Increment(ref counts[0]);
            foreach (var post in posts)
            {
                served.TryAdd((feed, post), true);
            }
        }
    }

    private static string Render(int feed, int[] posts)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>")
            .Append(CultureInfo.InvariantCulture, $"<title>Farm feed {feed}</title><link>https://example.org/farm/{feed}</link>");
        var epoch = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var post in posts.Reverse())
        {
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><title>Post {post} of feed {feed}</title><link>https://example.org/farm/{feed}/{post}</link>"
                + $"<guid isPermaLink=\"false\">{PostId(feed, post)}</guid><pubDate>{epoch.AddHours(post):R}</pubDate>"
                + $"<description>Statement {post} &amp; more.</description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
