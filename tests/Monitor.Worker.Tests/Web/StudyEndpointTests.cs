using System.Net;
using System.Text.Json;

namespace Monitor.Worker.Tests.Web;

/// <summary><c>/study</c> and <c>/study/map.svg</c> over the seeded store: formats, headers and bad input.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class StudyEndpointTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>, IDisposable
{
    private readonly HttpClient client = fixture.Host.CreateClient();

    [Fact]
    public async Task Study_Html_SelfContainedUnderItsOwnPolicy()
    {
        using var response = await client.GetAsync("study", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Study_JsonForAWindow_CarriesTheWindowAndTheMembership()
    {
        var json = await client.GetStringAsync("study?from=2026-01-01&to=2026-01-31&format=json", TestContext.Current.CancellationToken);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("2026-01-01", root.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal(31, root.GetProperty("window").GetProperty("days").GetInt32());
        Assert.Equal(193, root.GetProperty("presence").GetProperty("members").GetInt32());
    }

    [Theory]
    [InlineData("study?format=pdf")]
    [InlineData("study?format=1")]
    [InlineData("study?from=2026-02-01&to=2026-01-01")]
    [InlineData("study/map.svg?to=yesterday")]
    public async Task Study_BadParameters_400WithError(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_Svg_OneElementPerMemberState()
    {
        using var response = await client.GetAsync("study/map.svg", TestContext.Current.CancellationToken);
        var svg = System.Xml.Linq.XElement.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var countries = svg.Descendants().Select(e => (string?)e.Attribute("data-country")).OfType<string>().ToArray();
        Assert.Equal(195, countries.Distinct().Count()); // 193 members and 2 observers
        Assert.Equal(countries.Length, countries.Distinct().Count());
    }

    public void Dispose() => client.Dispose();
}
