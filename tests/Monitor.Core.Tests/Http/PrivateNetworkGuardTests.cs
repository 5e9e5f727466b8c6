using System.Net;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;
using Monitor.Core.Http;
using Monitor.Testing;

namespace Monitor.Core.Tests.Http;

/// <summary>
/// Server-side request forgery: every test server is on 127.0.0.1, so the account's own loopback feed is trusted
/// (the operator listed it) while a redirect to another loopback origin stands in for a private target.
/// </summary>
public sealed class PrivateNetworkGuardTests
{
    private static readonly byte[] Feed = Fixtures.ReadBytes("Feeds/govuk-fcdo.atom");

    [Fact]
    public async Task Poll_RedirectToAnotherPrivateOrigin_IsRefusedAndIsThePollsError()
    {
        await using var internalService = await LoopbackServer.StartAsync(ServeFeedAsync);
        await using var feed = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect(internalService.Url("/latest/meta-data/"));
            return Task.CompletedTask;
        });
        await using var host = await FeedPollHost.StartAsync();

        var poll = (await host.PollAsync(feed.Url("/feed.atom"))).Polls.Single();

        Assert.Equal(PollStatus.Error, poll.Status);
        Assert.StartsWith($"redirect to a private address refused: {internalService.Url("/latest/meta-data/")} resolves to 127.0.0.1", poll.Error);
        Assert.Empty(internalService.Requests);
        Assert.Single(feed.Requests);
    }

    [Fact]
    public async Task Poll_RedirectWithinTheListedOrigin_IsFollowed()
    {
        await using var feed = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/old.atom")
            {
                context.Response.Redirect("/feed.atom", permanent: true);
                return Task.CompletedTask;
            }

            return ServeFeedAsync(context);
        });
        await using var host = await FeedPollHost.StartAsync();

        var poll = (await host.PollAsync(feed.Url("/old.atom"))).Polls.Single();

        Assert.Equal(PollStatus.Ok, poll.Status);
        Assert.Equal(4, poll.NewPosts);
        Assert.Equal(["/old.atom", "/feed.atom"], feed.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Poll_AllowPrivateNetworks_FollowsTheRedirect()
    {
        await using var internalService = await LoopbackServer.StartAsync(ServeFeedAsync);
        await using var feed = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect(internalService.Url("/feed.atom"));
            return Task.CompletedTask;
        });
        await using var host = await FeedPollHost.StartAsync(new Dictionary<string, string?> { ["Monitor:Http:AllowPrivateNetworks"] = "true" });

        var poll = (await host.PollAsync(feed.Url("/feed.atom"))).Polls.Single();

        Assert.Equal(PollStatus.Ok, poll.Status);
        Assert.Single(internalService.Requests);
    }

    [Fact]
    public async Task ConnectCallback_UntrustedRequestToLoopback_IsRefusedAtConnectTime()
    {
        // The guard handler is bypassed: only the connect-time check stands between the request and the address.
        await using var server = await LoopbackServer.StartAsync(ServeFeedAsync);
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = PrivateNetworkConnector.ConnectAsync });
        using var untrusted = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed.atom"));
        using var trusted = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed.atom"));
        trusted.Options.Set(PrivateNetworkGuardHandler.MayReachPrivate, true);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(untrusted, TestContext.Current.CancellationToken));
        using var response = await client.SendAsync(trusted, TestContext.Current.CancellationToken);

        Assert.IsType<PrivateNetworkRefusedException>(refused.InnerException);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Requests);
    }

    public static TheoryData<string, bool> Addresses => new()
    {
        { "127.0.0.1", true }, { "127.255.0.7", true }, { "::1", true },
        { "10.1.2.3", true }, { "172.16.0.1", true }, { "172.31.255.255", true }, { "192.168.1.1", true },
        { "169.254.169.254", true }, { "fe80::1", true }, { "fc00::1", true }, { "fd12:3456::1", true },
        { "0.0.0.0", true }, { "::", true }, { "::ffff:10.0.0.1", true },
        { "172.15.255.255", false }, { "172.32.0.1", false }, { "8.8.8.8", false }, { "2001:4860:4860::8888", false },
        { "::ffff:8.8.8.8", false }, { "11.0.0.1", false },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void IsPrivate_ClassifiesAddresses(string address, bool expected) =>
        Assert.Equal(expected, PrivateAddress.IsPrivate(IPAddress.Parse(address)));

    private static async Task ServeFeedAsync(HttpContext context)
    {
        context.Response.ContentType = "application/atom+xml";
        await context.Response.Body.WriteAsync(Feed, context.RequestAborted);
    }
}
