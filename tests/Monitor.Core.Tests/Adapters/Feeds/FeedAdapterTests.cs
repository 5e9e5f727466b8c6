using System.Net;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>The adapter through the real HttpClient, Polly pipeline and sockets, against a loopback server.</summary>
public sealed class FeedAdapterTests
{
    private const string ETag = "\"fcdo-v1\"";
    private const string LastModified = "Wed, 01 May 2024 09:00:00 GMT";

    [Fact]
    public async Task FetchAsync_SecondPollWithValidators_IsNotModified()
    {
        var ct = TestContext.Current.CancellationToken;
        var feed = Fixtures.ReadBytes("Feeds/govuk-fcdo.atom");
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            context.Response.ContentType = "application/atom+xml; charset=utf-8";
            await context.Response.Body.WriteAsync(feed, context.RequestAborted);
        });
        await using var services = FeedTestHost.Build();
        var adapter = services.Adapter();
        var url = server.Url("/government/organisations/fcdo.atom");

        var first = await adapter.FetchAsync(FeedTestHost.Request(url), ct);
        var second = await adapter.FetchAsync(FeedTestHost.Request(url, first.Cursor), ct);

        Assert.Equal(PollStatus.Ok, first.Status);
        Assert.Equal(4, first.Posts.Count);
        Assert.Equal(new PollCursor(ETag, LastModified), first.Cursor);
        Assert.Equal(PollStatus.NotModified, second.Status);
        Assert.Equal(304, second.HttpStatus);
        Assert.Empty(second.Posts);
        Assert.Equal(first.Cursor, second.Cursor);
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal(ETag, requests[1].Header("If-None-Match"));
        Assert.Equal(LastModified, requests[1].Header("If-Modified-Since"));
    }

    public static TheoryData<string, string?> RepairedOrWhole => new()
    {
        // fixture → the result's notes (null: read as sent, so its validators are kept)
        { "rss2-embassy.xml", null },
        { "rss-repairable.xml", "repaired: 3 bare ampersands, 2 HTML entities, 1 control character" },
        { "rss-truncated.xml", "truncated: the document ends at line 18, position 40; kept the 2 complete entries before it" },
    };

    [Theory]
    [MemberData(nameof(RepairedOrWhole))]
    public async Task FetchAsync_RepairedOrTruncatedBody_NotesItAndDropsTheValidators(string fixture, string? notes)
    {
        var body = Fixtures.ReadBytes("Feeds/" + fixture);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            return Serve(context, body, "application/rss+xml");
        });
        await using var services = FeedTestHost.Build();
        var earlier = new PollCursor("\"old\"", "Tue, 30 Apr 2024 09:00:00 GMT", Position: "kept");

        var result = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed"), earlier), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.NotEmpty(result.Posts);
        Assert.Equal(notes, result.Notes);
        Assert.Equal(notes is null ? new PollCursor(ETag, LastModified, "kept") : new PollCursor(Position: "kept"), result.Cursor);
    }

    public static TheoryData<string, string, int> ServedAs => new()
    {
        // fixture, Content-Type the server claims, posts expected
        { "rss2-embassy.xml", "text/html; charset=utf-8", 7 },
        { "govuk-fcdo.atom", "application/octet-stream", 4 },
        { "jsonfeed-ministry.json", "text/plain", 3 },
        { "rdf-ministry.rdf", "application/xml", 2 },
    };

    [Theory]
    [MemberData(nameof(ServedAs))]
    public async Task FetchAsync_WrongContentType_DetectsFormatFromBody(string fixture, string contentType, int expectedPosts)
    {
        var body = Fixtures.ReadBytes("Feeds/" + fixture);
        await using var server = await LoopbackServer.StartAsync(context => Serve(context, body, contentType));
        await using var services = FeedTestHost.Build();

        var result = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed")), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(expectedPosts, result.Posts.Count);
    }

    [Fact]
    public async Task FetchAsync_HtmlPage_ThrowsNotAFeed()
    {
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>News</title></head><body><h1>News</h1></body></html>"u8.ToArray();
        await using var server = await LoopbackServer.StartAsync(context => Serve(context, page, "application/rss+xml"));
        await using var services = FeedTestHost.Build();

        var ex = await Assert.ThrowsAsync<PayloadFormatException>(() =>
            services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed")), TestContext.Current.CancellationToken));

        Assert.Equal("Not a feed: the body is an HTML page, not RSS, Atom or JSON Feed.", ex.Message);
    }

    [Fact]
    public async Task FetchAsync_TtlAndMaxAge_CacheHintIsTheLonger()
    {
        var body = Fixtures.ReadBytes("Feeds/rss2-embassy.xml");
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.CacheControl = context.Request.Path == "/short" ? "max-age=600" : "public, max-age=7200";
            return Serve(context, body, "application/rss+xml");
        });
        await using var services = FeedTestHost.Build();
        var ct = TestContext.Current.CancellationToken;

        var ttlWins = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/short")), ct);
        var maxAgeWins = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/long")), ct);

        Assert.Equal(TimeSpan.FromMinutes(30), ttlWins.CacheHint);
        Assert.Equal(TimeSpan.FromHours(2), maxAgeWins.CacheHint);
    }

    public static TheoryData<int, PollStatus> Failures => new()
    {
        { 404, PollStatus.NotFound },
        { 410, PollStatus.NotFound },
        { 403, PollStatus.Unauthorized },
        { 400, PollStatus.Error },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FetchAsync_FailedStatus_MapsThroughHttpFailures(int status, PollStatus expected)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await using var services = FeedTestHost.Build();

        var result = await services.Adapter().FetchAsync(FeedTestHost.Request(server.Url("/feed")), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Equal(status, result.HttpStatus);
        Assert.Empty(result.Posts);
        Assert.Null(result.Cursor);
    }

    private static async Task Serve(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.StatusCode = (int)HttpStatusCode.OK;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
