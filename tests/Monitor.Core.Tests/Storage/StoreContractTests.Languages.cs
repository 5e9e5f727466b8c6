using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Languages;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>Languages: both providers store the language with its detected flag, merge them alike and count them alike for the report.</summary>
public abstract partial class StoreContractTests
{
    private static Post LanguagePost(string id, DateTimeOffset at, string? language, bool detected = false) => new()
    {
        PostId = id,
        PublishedAt = at,
        Text = $"Text of {id}",
        Language = language,
        LanguageDetected = detected,
    };

    [Fact]
    public async Task Languages_StoredWithTheDetectedFlag_ReadBackAndMergedWithThePlatformsFirst()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts =
            [
                LanguagePost("given", Start, "en-GB"),
                LanguagePost("detected", Start, "fr", detected: true),
                LanguagePost("unknown", Start, null),
                LanguagePost("detected-then-given", Start, "fr", detected: true),
                LanguagePost("given-then-detected", Start, "es"),
            ],
        });

        var first = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).ToDictionary(p => p.Post.PostId, p => (p.Post.Language, p.Post.LanguageDetected));
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts =
            [
                LanguagePost("given", Start, null),
                LanguagePost("detected", Start, null),
                LanguagePost("unknown", Start, null),
                LanguagePost("detected-then-given", Start, "pt"),
                LanguagePost("given-then-detected", Start, "de", detected: true),
            ],
        }, capturedAt: Start.AddHours(1));
        var second = (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).ToDictionary(p => p.Post.PostId, p => (p.Post.Language, p.Post.LanguageDetected));

        Assert.Equal(("en-GB", false), first["given"]);
        Assert.Equal(("fr", true), first["detected"]);
        Assert.Equal((null, false), first["unknown"]);
        Assert.Equal(("en-GB", false), second["given"]);
        Assert.Equal(("fr", true), second["detected"]);
        Assert.Equal((null, false), second["unknown"]);
        Assert.Equal(("pt", false), second["detected-then-given"]);
        Assert.Equal(("es", false), second["given-then-detected"]);
    }

    [Fact]
    public async Task LanguagesReport_RecordedPosts_CountsPerAccountAndCountryWithSharesOfKnown()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        TrackedAccount[] accounts =
        [
            Account("gbr-a"),
            Account("gbr-b", platform: "mastodon"),
            Account("fra-a") with { Country = "FRA", Actor = ActorType.Embassy },
            Account("off"),
        ];
        await host.Accounts.SyncAccountsAsync(accounts, Start, Ct);
        var day = Start.AddDays(1);
        await RecordAsync(host, "gbr-a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts =
            [
                LanguagePost("1", day, "en-GB"), LanguagePost("2", day, "EN"), LanguagePost("3", day, "fr", detected: true),
                LanguagePost("4", day, null), LanguagePost("5", day, "und"), LanguagePost("old", Start.AddDays(-5), "de"),
            ],
        });
        await RecordAsync(host, "gbr-b", new FetchResult { Status = PollStatus.Ok, Posts = [LanguagePost("1", day, "en"), LanguagePost("2", day, null)] });
        await RecordAsync(host, "fra-a", new FetchResult { Status = PollStatus.Ok, Posts = [LanguagePost("1", day, "fr-FR"), LanguagePost("2", day, "fr"), LanguagePost("3", day, "en")] });
        await RecordAsync(host, "off", new FetchResult { Status = PollStatus.Ok, Posts = [LanguagePost("1", day, "ru")] });
        await host.Accounts.SyncAccountsAsync(accounts[..3], Start.AddDays(2), Ct); // "off" leaves the list: disabled
        var service = host.Services.GetRequiredService<ActivityReportService>();
        var window = new ActivityWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        var perAccount = await service.GetLanguagesAsync(new ReportRequest(ReportKind.Languages, window, ReportFormat.Json), Ct);
        var perCountry = await service.GetLanguagesAsync(new ReportRequest(ReportKind.Languages, window, ReportFormat.Json) { LanguagesPer = LanguageGrouping.Country }, Ct);
        var rssOnly = await service.GetLanguagesAsync(new ReportRequest(ReportKind.Languages, window, ReportFormat.Json) { Platform = "rss", Actor = ActorType.ForeignMinistry }, Ct);

        Assert.Equal(["fra-a", "gbr-a", "gbr-b"], perAccount.Groups.Select(g => g.Key));
        var gbrA = perAccount.Groups[1];
        Assert.Equal(("rss", "GBR", 5L, 3L, 2L), (gbrA.Platform, gbrA.Country, gbrA.Posts, gbrA.KnownPosts, gbrA.UnknownPosts));
        Assert.Equal([new LanguageShare("en", 2, 2.0 / 3), new LanguageShare("fr", 1, 1.0 / 3)], gbrA.Languages);
        Assert.Equal((10L, 7L, 3L, 3), (perAccount.All.Posts, perAccount.All.KnownPosts, perAccount.All.UnknownPosts, perAccount.All.Accounts));
        Assert.Equal([new LanguageShare("en", 4, 4.0 / 7), new LanguageShare("fr", 3, 3.0 / 7)], perAccount.All.Languages);
        Assert.Equal(["FRA", "GBR"], perCountry.Groups.Select(g => g.Key));
        Assert.Equal((2, 7L, 4L, 3L), (perCountry.Groups[1].Accounts, perCountry.Groups[1].Posts, perCountry.Groups[1].KnownPosts, perCountry.Groups[1].UnknownPosts));
        Assert.Equal([new LanguageShare("en", 3, 0.75), new LanguageShare("fr", 1, 0.25)], perCountry.Groups[1].Languages);
        Assert.Equal(perAccount.All.Languages, perCountry.All.Languages);
        Assert.Equal(["gbr-a"], rssOnly.Groups.Select(g => g.Key));
    }
}
