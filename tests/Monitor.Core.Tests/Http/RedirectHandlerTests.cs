using System.Net;
using Monitor.Core.Http;

namespace Monitor.Core.Tests.Http;

public sealed class RedirectHandlerTests
{
    [Fact]
    public async Task SendAsync_CrossOriginRedirect_DropsAuthorizationAndMarksTheHop()
    {
        var inner = new ScriptedHandler(request => request.RequestUri!.Host == "a.example"
            ? Redirect(HttpStatusCode.Found, "https://b.example/next")
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new RedirectHandler { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://a.example/start");
        request.Headers.Authorization = new("Bearer", "secret");

        using var response = await invoker.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["https://a.example/start", "https://b.example/next"], inner.Seen.Select(r => r.Uri));
        Assert.Equal([true, false], inner.Seen.Select(r => r.HadAuthorization));
        Assert.Equal([false, true], inner.Seen.Select(r => r.MarkedRedirect));
    }

    [Fact]
    public async Task SendAsync_HttpsToHttp_IsNotFollowed()
    {
        var inner = new ScriptedHandler(_ => Redirect(HttpStatusCode.MovedPermanently, "http://a.example/plain"));
        using var invoker = new HttpMessageInvoker(new RedirectHandler { InnerHandler = inner });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://a.example/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Single(inner.Seen);
    }

    [Fact]
    public async Task SendAsync_RedirectLoop_StopsAfterFiveHops()
    {
        var inner = new ScriptedHandler(request => Redirect(HttpStatusCode.TemporaryRedirect, request.RequestUri!.AbsolutePath + "x"));
        using var invoker = new HttpMessageInvoker(new RedirectHandler { InnerHandler = inner });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://a.example/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(6, inner.Seen.Count);
    }

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location) =>
        new(status) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<(string Uri, bool HadAuthorization, bool MarkedRedirect)> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add((request.RequestUri!.ToString(), request.Headers.Authorization is not null,
                request.Options.TryGetValue(PrivateNetworkGuardHandler.RedirectedFrom, out _)));
            return Task.FromResult(respond(request));
        }
    }
}
