using System.Net;
using System.Text.Json;

namespace Monitor.Worker.Tests.Web;

/// <summary><c>/api/search</c> through the real HTTP stack over the seeded SQLite store.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class WebSearchApiTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>, IDisposable
{
    private readonly HttpClient client = fixture.Host.CreateClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Search_Word_ListsTheEditedPostWithSnippetAndHighlights()
    {
        var (status, json) = await GetJsonAsync("api/search?q=CORRECTED&account=fra-mfa");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CORRECTED", json.GetProperty("query").GetString());
        var hit = Assert.Single(json.GetProperty("hits").EnumerateArray());
        Assert.Equal(SeededWorkerHost.EditedPostId, hit.GetProperty("postId").GetString());
        Assert.Equal("fra-mfa", hit.GetProperty("accountId").GetString());
        var snippet = hit.GetProperty("snippet").GetString()!;
        var highlight = hit.GetProperty("highlights")[0];
        Assert.Equal("corrected", snippet.Substring(highlight[0].GetInt32(), highlight[1].GetInt32()));
    }

    [Fact]
    public async Task Search_LimitAndCountry_NewestFirstWithinTheFilter()
    {
        var (status, json) = await GetJsonAsync("api/search?q=statement&country=fra&limit=3");

        Assert.Equal(HttpStatusCode.OK, status);
        var hits = json.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Equal("fra-mfa", h.GetProperty("accountId").GetString()));
        var published = hits.Select(h => h.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(published.OrderDescending(), published);
    }

    [Theory]
    [InlineData("api/search?q=%22unclosed", "q: A phrase is not closed: add the ending quote (\") after \"unclosed.")]
    [InlineData("api/search?q=-only", "q: The query only excludes: give at least one word that must match.")]
    [InlineData("api/search?q=statement&limit=0", "'limit' must be a whole number from 1 to 1000.")]
    [InlineData("api/search?q=statement&kind=story", "kind must be post, reply, repost or quote (got 'story').")]
    public async Task Search_BadQuery_400WithOneError(string path, string error)
    {
        var (status, json) = await GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, json.GetProperty("error").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
