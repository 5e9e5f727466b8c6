using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Entities;
using Monitor.Core.Export;
using Monitor.Core.Posts;
using Monitor.Core.Search;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>
/// <c>export posts</c> after the new post fields: quotes, media, the detected-language mark and the entities as the store
/// indexed them, read back from both stores and round-tripped through JSON Lines and CSV.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string AwkwardText = "Line one, with \"quotes\"\nline two #other @carol.bsky.social";
    private static readonly string[] AwkwardMedia = ["https://cdn.example.test/a,b.jpg", "https://cdn.example.test/c.mp4?w=1&h=2"];

    private static Post AwkwardPost() => new()
    {
        PostId = "p1",
        Url = "https://bsky.app/profile/fcdo.bsky.social/post/p1",
        PublishedAt = Start.AddDays(-2),
        Title = "=SUM(A1), \"quoted\"",
        Text = AwkwardText,
        Language = "fr",
        LanguageDetected = true,
        Metrics = new PostMetrics(1, 2, 3, 4) { Quotes = 5 },
        Media = AwkwardMedia,
        // The wire's entities win over the text's (#other, @carol): the export must show these, as stored.
        Entities = new PostEntities
        {
            Hashtags = ["Diplomacy", "EU"],
            Mentions = [new EntityMention("@Bob.bsky.social", "did:plc:bob")],
            Links = ["https://Example.COM/a?utm_source=x&id=1"],
        },
    };

    private static readonly PostEntity[] AwkwardEntities =
    [
        new(EntityType.Hashtag, "diplomacy"),
        new(EntityType.Hashtag, "eu"),
        new(EntityType.Mention, "bob.bsky.social", "did:plc:bob"),
        new(EntityType.Link, "https://example.com/a?id=1"),
    ];

    private async Task<StoreHost> ExportFixtureAsync()
    {
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a", "bluesky")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [AwkwardPost(), new Post { PostId = "p2", PublishedAt = Start.AddDays(-1), Text = "plain line" }],
        });
        return host;
    }

    [Fact]
    public async Task ReadPosts_StoredEntities_ComeBackAsIndexedFromEveryPostRead()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await ExportFixtureAsync();

        var exported = await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct));
        var newest = await host.Services.GetRequiredService<IRecentRecordReader>().ReadNewestPostsAsync("a", 10, Ct);
        var hits = await host.Services.GetRequiredService<IPostSearch>().SearchAsync(new SearchRequest(SearchQuery.Parse("line")), Ct);

        Assert.Equal(["p1", "p2"], exported.Select(p => p.Post.PostId));
        Assert.Equal(AwkwardEntities, exported[0].Entities);
        Assert.Empty(exported[1].Entities);
        Assert.Equal(AwkwardEntities, newest.Single(p => p.Post.PostId == "p1").Entities);
        Assert.Equal(AwkwardEntities, hits.Single(h => h.Post.Post.PostId == "p1").Post.Entities);
        Assert.Equal(AwkwardMedia, exported[0].Post.Media);
        Assert.Equal(5, exported[0].Post.Metrics?.Quotes);
        Assert.True(exported[0].Post.LanguageDetected);
    }

    [Fact]
    public async Task ExportPosts_JsonLines_RoundTripsTheNewFieldsWithCommasQuotesAndNewlines()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await ExportFixtureAsync();
        var output = new StringWriter();

        var count = await RecordExporter.WritePostsAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct), ExportFormat.JsonLines, output, Ct);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, count);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("=SUM(A1), \"quoted\"", root.GetProperty("title").GetString());
        Assert.Equal(AwkwardText, root.GetProperty("text").GetString());
        Assert.Equal("fr", root.GetProperty("language").GetString());
        Assert.True(root.GetProperty("languageDetected").GetBoolean());
        Assert.Equal(5, root.GetProperty("metrics").GetProperty("quotes").GetInt64());
        Assert.Equal(AwkwardMedia, Strings(root.GetProperty("media")));
        Assert.Equal(["diplomacy", "eu"], Strings(root.GetProperty("hashtags")));
        Assert.Equal(["bob.bsky.social"], Strings(root.GetProperty("mentions")));
        Assert.Equal(["https://example.com/a?id=1"], Strings(root.GetProperty("links")));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("metrics").ValueKind);
        Assert.All(new[] { "media", "hashtags", "mentions", "links" }, name => Assert.Empty(Strings(second.RootElement.GetProperty(name))));
    }

    [Fact]
    public async Task ExportPosts_Csv_RoundTripsTheNewFieldsWithCommasQuotesAndNewlinesAndGuardsFormulas()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await ExportFixtureAsync();
        var output = new StringWriter();

        await RecordExporter.WritePostsAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct), ExportFormat.Csv, output, Ct);

        using var csv = new CsvReader(new StringReader(output.ToString()), CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync());
        csv.ReadHeader();
        Assert.Equal(RecordExporter.PostFields, csv.HeaderRecord);
        Assert.True(await csv.ReadAsync());
        Assert.Equal("'=SUM(A1), \"quoted\"", csv.GetField("title"));
        Assert.Equal(AwkwardText, csv.GetField("text"));
        Assert.Equal("true", csv.GetField("languageDetected"));
        Assert.Equal("5", csv.GetField("quotes"));
        Assert.Equal(AwkwardMedia, ListCell(csv.GetField("media")));
        Assert.Equal(["diplomacy", "eu"], ListCell(csv.GetField("hashtags")));
        Assert.Equal(["bob.bsky.social"], ListCell(csv.GetField("mentions")));
        Assert.Equal(["https://example.com/a?id=1"], ListCell(csv.GetField("links")));
        Assert.True(await csv.ReadAsync());
        Assert.Equal("p2", csv.GetField("postId"));
        Assert.Equal(string.Empty, csv.GetField("quotes"));
        Assert.Equal(["[]", "[]", "[]", "[]"], new[] { "media", "hashtags", "mentions", "links" }.Select(name => csv.GetField(name)));
        Assert.False(await csv.ReadAsync());
    }

    private static string[] ListCell(string? cell) => JsonSerializer.Deserialize<string[]>(cell ?? "null") ?? throw new FormatException($"Not a list cell: {cell}");

    private static string?[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToArray();
}
