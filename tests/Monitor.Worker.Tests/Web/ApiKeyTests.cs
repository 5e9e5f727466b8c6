using System.Net;

namespace Monitor.Worker.Tests.Web;

/// <summary>With <c>Monitor:Web:ApiKey</c> set, the key opens everything; without it only the probes and the static assets answer.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ApiKeyTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    [Theory]
    [InlineData("api/accounts", null, HttpStatusCode.Unauthorized)]
    [InlineData("api/accounts", "header", HttpStatusCode.OK)]
    [InlineData("api/accounts", "query", HttpStatusCode.OK)]
    [InlineData("api/accounts", "wrong", HttpStatusCode.Unauthorized)]
    [InlineData("", null, HttpStatusCode.Unauthorized)]
    [InlineData("metrics", null, HttpStatusCode.Unauthorized)]
    [InlineData("healthz", null, HttpStatusCode.OK)]
    [InlineData("readyz", null, HttpStatusCode.OK)]
    [InlineData("static/app.js", null, HttpStatusCode.OK)]
    public async Task ApiKeySet_Request_OnlyProbesAndAssetsAreOpen(string path, string? presented, HttpStatusCode expected)
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, presented == "query" ? $"{path}?apiKey={KeyedHostFixture.Key}" : path);
        if (presented is "header" or "wrong")
        {
            request.Headers.Add("X-Api-Key", presented == "header" ? KeyedHostFixture.Key : KeyedHostFixture.Key + "x");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
