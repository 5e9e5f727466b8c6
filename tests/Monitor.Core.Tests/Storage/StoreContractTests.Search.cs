using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Search;

namespace Monitor.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    /// <summary>Post id, account, days before <see cref="Start"/>, text: one post per script and a few to tell the operators apart.</summary>
    private static readonly (string Id, string Account, int DaysAgo, string Text)[] SearchCorpus =
    [
        ("p1", "a", 1, "The Foreign Secretary met the Élysée delegation in Paris"),
        ("p2", "a", 2, "Climate diplomacy: a new climate fund for Africa"),
        ("p3", "b", 3, "Paris climate agreement anniversary"),
        ("p4", "b", 4, "Министерство иностранных дел России"),
        ("p5", "a", 5, "Υπουργείο Εξωτερικών της Ελλάδας"),
        ("p6", "a", 6, "وزارة الخارجية السعودية"),
        ("p7", "a", 7, "משרד החוץ של ישראל"),
        ("p8", "b", 8, "中华人民共和国外交部发言人"),
        ("p9", "a", 9, "Diplomatic cable about the secretary"),
    ];

    public static TheoryData<string, string[]> SearchCases => new()
    {
        { "paris", ["p1", "p3"] },
        { "PARIS climate", ["p3"] },
        { "climate", ["p2", "p3"] },
        { "\"climate fund\"", ["p2"] },
        { "\"fund climate\"", [] },
        { "\"new climate\" africa", ["p2"] },
        { "diplom*", ["p2", "p9"] },
        { "secret*", ["p1", "p9"] },
        { "climate -paris", ["p2"] },
        { "climate -par*", ["p2"] },
        { "climate -\"climate agreement\"", ["p2"] },
        { "paris OR diplom*", ["p1", "p2", "p3", "p9"] },
        { "secretary paris OR africa", ["p1"] },
        { "elysee", ["p1"] },
        { "ÉLYSÉE", ["p1"] },
        { "министерство", ["p4"] },
        { "МИНИСТЕРСТВО ДЕЛ", ["p4"] },
        { "\"иностранных дел\"", ["p4"] },
        { "εξωτερικων", ["p5"] },
        { "ΕΞΩΤΕΡΙΚΏΝ", ["p5"] },
        { "الخارجية", ["p6"] },
        { "الخارجيّة", ["p6"] },
        { "وزاره", ["p6"] },
        { "החוץ", ["p7"] },
        { "הַחוּץ", ["p7"] },
        { "外交部", ["p8"] },
        { "外交", ["p8"] },
        { "交", ["p8"] },
        { "人", ["p8"] },
        { "外部", [] },
        { "nothing", [] },
    };

    [Theory]
    [MemberData(nameof(SearchCases))]
    public async Task Search_Query_FindsExactlyTheMatchingPostsNewestFirst(string query, string[] expected)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var search = await SeedSearchAsync();

        var hits = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(query)), Ct);

        Assert.Equal(expected, hits.Select(h => h.Post.Post.PostId));
    }

    [Fact]
    public async Task Search_Filters_RestrictByAccountCountryActorKindLanguageWindowAndLimit()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var search = await SeedSearchAsync();
        var query = SearchQuery.Parse("paris OR diplom* OR министерство");

        async Task<string[]> IdsAsync(SearchRequest request) =>
            (await search.SearchAsync(request, Ct)).Select(h => h.Post.Post.PostId).ToArray();

        Assert.Equal(["p1", "p2", "p3", "p4", "p9"], await IdsAsync(new SearchRequest(query)));
        Assert.Equal(["p3", "p4"], await IdsAsync(new SearchRequest(query) { AccountId = "b" }));
        Assert.Equal(["p3", "p4"], await IdsAsync(new SearchRequest(query) { Country = "FRA" }));
        Assert.Equal(["p3", "p4"], await IdsAsync(new SearchRequest(query) { Actor = ActorType.Embassy }));
        Assert.Equal(["p1", "p2", "p9"], await IdsAsync(new SearchRequest(query) { Platform = "rss", Language = "en" }));
        Assert.Equal(["p2"], await IdsAsync(new SearchRequest(query) { Kind = PostKind.Reply }));
        Assert.Equal(["p3", "p4"], await IdsAsync(new SearchRequest(query) { From = Start.AddDays(-4), To = Start.AddDays(-2) }));
        Assert.Equal(["p1", "p2"], await IdsAsync(new SearchRequest(query, Limit: 2)));
        Assert.Empty(await IdsAsync(new SearchRequest(query) { AccountId = "b", Country = "GBR" }));
    }

    [Fact]
    public async Task Search_Hit_CarriesSnippetAndHighlightsOfEveryMatch()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var search = await SeedSearchAsync();

        var climate = Assert.Single(await search.SearchAsync(new SearchRequest(SearchQuery.Parse("climate fund")), Ct));
        var cjk = Assert.Single(await search.SearchAsync(new SearchRequest(SearchQuery.Parse("外交部")), Ct));

        Assert.Equal("Climate diplomacy: a new climate fund for Africa", climate.Snippet);
        Assert.Equal([new SearchHighlight(0, 7), new SearchHighlight(25, 7), new SearchHighlight(33, 4)], climate.Highlights);
        Assert.Equal("中华人民共和国外交部发言人", cjk.Snippet);
        Assert.Equal([new SearchHighlight(7, 3)], cjk.Highlights);
    }

    [Fact]
    public async Task Search_EditedPost_IsFoundByItsNewTextOnly()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var search = await SeedSearchAsync();
        var host = await StartHostAsync("host-2");

        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [SearchPost("p1", 1, "The Foreign Secretary met the delegation in Berlin")] },
            capturedAt: Start.AddHours(1));

        Assert.Empty(await search.SearchAsync(new SearchRequest(SearchQuery.Parse("elysee")), Ct));
        Assert.Equal(["p1"], (await search.SearchAsync(new SearchRequest(SearchQuery.Parse("berlin")), Ct)).Select(h => h.Post.Post.PostId));
    }

    private async Task<IPostSearch> SeedSearchAsync()
    {
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync(
            [Account("a"), Account("b") with { Country = "FRA", Actor = ActorType.Embassy, Platform = "mastodon" }], Start, Ct);
        foreach (var account in new[] { "a", "b" })
        {
            var posts = SearchCorpus.Where(p => p.Account == account).Select(p => SearchPost(p.Id, p.DaysAgo, p.Text)).ToList();
            await RecordAsync(host, account, new FetchResult { Status = PollStatus.Ok, Posts = posts });
        }

        return host.Services.GetRequiredService<IPostSearch>();
    }

    private static Post SearchPost(string id, int daysAgo, string text) => new()
    {
        PostId = id,
        Url = $"https://example.test/posts/{id}",
        PublishedAt = Start.AddDays(-daysAgo),
        Kind = id == "p2" ? PostKind.Reply : PostKind.Post,
        Text = text,
        Language = id is "p1" or "p2" or "p9" ? "en" : null,
    };
}
