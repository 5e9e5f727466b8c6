using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Worker.Hosting;
using Monitor.Worker.Web;

namespace Monitor.Worker.Tests.Web;

/// <summary>
/// The real worker host in Service mode (scheduler, web endpoint) on <c>http://127.0.0.1:0</c>, over a temp SQLite
/// store seeded through the store ports before start. Every account's next poll is a day ahead, and every handle
/// points at 127.0.0.1, so the scheduler never reaches another host. fra-mfa was polled twice (two days ago with 900
/// followers, now with 1000, editing <see cref="EditedPostId"/> and deleting <see cref="DeletedPostId"/>); jpn-mofa was
/// never reached.
/// </summary>
internal sealed class SeededWorkerHost : IAsyncDisposable
{
    public const int FraPosts = 20;
    public const int GbrPosts = 5;
    public const string EditedPostId = "p-1-9";
    public const string DeletedPostId = "p-10-15";
    public const string EditedPostPhoto = "http://127.0.0.1:1/media/p-1-9.jpg";

    /// <summary>The newest fra-mfa post: its language detected, and media of which only the http(s) ones are links.</summary>
    public const string NewestPostId = "p-1-15";

    public static readonly string[] NewestPostMedia = ["http://127.0.0.1:1/media/p-1-15.jpg", "javascript:alert(1)", "http://127.0.0.1:1/media/clip.mp4"];

    private readonly string directory;
    private readonly IHost host;

    private SeededWorkerHost(string directory, IHost host, FakeLogCollector logs, DateOnly today, DateTimeOffset seededAt)
    {
        this.directory = directory;
        Logs = logs;
        this.host = host;
        Today = today;
        SeededAt = seededAt;
        BaseAddress = new Uri(host.Services.GetRequiredService<WebEndpointService>().Addresses.Single() + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the host logged (beside its usual console output).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The UTC day the posts were seeded relative to: fra-mfa posted twice a day (09:00, 15:00) on each of the 10 days before it.</summary>
    public DateOnly Today { get; }

    public DateTimeOffset SeededAt { get; }

    public IServiceProvider Services => host.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public static async Task<SeededWorkerHost> StartAsync(params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("monitor-web-").FullName;
        var logs = new FakeLogCollector();
        await File.WriteAllLinesAsync(Path.Combine(directory, "accounts.csv"),
        [
            "id,platform,handle,country,actor,name,language,enabled",
            "fra-mfa,rss,http://127.0.0.1:1/fra.xml,FRA,ForeignMinistry,France Diplomatie,fr,true",
            "gbr-fcdo,rss,http://127.0.0.1:1/gbr.xml,GBR,ForeignMinistry,UK Foreign Office,en,true",
            "deu-aa,mastodon,@AuswaertigesAmt@mastodon.localhost,DEU,ForeignMinistry,Auswärtiges Amt,de,true",
            "usa-embassy,bluesky,usembassy.bsky.localhost,USA,Embassy,US Embassy,en,true",
            "jpn-mofa,rss,http://127.0.0.1:1/jpn.xml,JPN,ForeignMinistry,Japan MOFA,ja,true",
            "ita-off,rss,http://127.0.0.1:1/ita.xml,ITA,Mission,Disabled mission,it,false",
        ]);
        var host = MonitorHostBuilder.Create(
        [
            "Urls=http://127.0.0.1:0",
            $"Monitor:AccountsFile={Path.Combine(directory, "accounts.csv")}",
            $"Monitor:Storage:Sqlite:Path={Path.Combine(directory, "monitor.db")}",
            "Monitor:ShutdownTimeout=00:00:05",
            .. settings,
        ], HostMode.Service, builder => builder.Logging.AddProvider(new FakeLoggerProvider(logs))).Build();
        try
        {
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            await SeedAsync(host.Services, today, now);
            await host.StartAsync(TestContext.Current.CancellationToken);
            return new SeededWorkerHost(directory, host, logs, today, now);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static async Task SeedAsync(IServiceProvider services, DateOnly today, DateTimeOffset now)
    {
        var ct = TestContext.Current.CancellationToken;
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(ct);
        var list = services.GetRequiredService<AccountListLoader>().Load();
        Assert.True(list.IsValid, string.Join("; ", list.Errors));
        var accounts = services.GetRequiredService<IAccountStore>();
        await accounts.SyncAccountsAsync(list.Accounts, now, ct);
        var polls = services.GetRequiredService<IPollResultStore>();
        var fraPosts = Posts(today, days: 10, hours: [9, 15])
            .Select(p => p.PostId switch
            {
                EditedPostId => p with { Media = [EditedPostPhoto], Language = "fr" },
                NewestPostId => p with { Media = NewestPostMedia, Language = "fr", LanguageDetected = true },
                _ => p,
            }).ToArray();
        var earlier = now.AddDays(-2);
        var fra = Assert.Single(await accounts.ClaimDueAsync(new ClaimRequest("seed", earlier, TimeSpan.FromMinutes(5), 1, IgnoreSchedule: true, AccountId: "fra-mfa"), ct));
        await polls.RecordPollAsync(new PollRecord(fra, earlier, Ok(fraPosts, followers: 900), TimeSpan.FromMilliseconds(90), now.AddDays(1), 0), ct);
        var fraNow = Ok(fraPosts.Where(p => p.PostId != DeletedPostId).Select(p => p.PostId == EditedPostId ? p with { Text = "A corrected statement." } : p).ToArray(), followers: 1000)
            with { Deletions = [new PostDeletion(DeletedPostId, DeletionEvidence.NotFound)] };
        var leases = await accounts.ClaimDueAsync(new ClaimRequest("seed", now, TimeSpan.FromMinutes(5), 100, IgnoreSchedule: true), ct);
        foreach (var lease in leases)
        {
            var (result, failures) = lease.Account.Id switch
            {
                "fra-mfa" => (fraNow, 0),
                "gbr-fcdo" => (Ok(Posts(today.AddDays(-1), days: GbrPosts, hours: [8]), followers: null), 0),
                "deu-aa" => (FetchResult.Failed(PollStatus.Unauthorized, "HTTP 401: the access token was refused", 401), 3),
                "jpn-mofa" => (FetchResult.Failed(PollStatus.Error, "Connection refused (127.0.0.1:1)"), 2),
                _ => (Ok([], followers: 50), 0),
            };
            await polls.RecordPollAsync(new PollRecord(lease, now, result, TimeSpan.FromMilliseconds(120), now.AddDays(1), failures), ct);
        }
    }

    private static FetchResult Ok(IReadOnlyList<Post> posts, long? followers) =>
        new() { Status = PollStatus.Ok, HttpStatus = 200, Posts = posts, Profile = new ProfileCounts(Followers: followers) };

    /// <summary>One post per hour listed on each of the <paramref name="days"/> days before <paramref name="before"/>.</summary>
    private static Post[] Posts(DateOnly before, int days, int[] hours) =>
        Enumerable.Range(1, days).SelectMany(d => hours.Select(h =>
        {
            var at = new DateTimeOffset(before.AddDays(-d).ToDateTime(new TimeOnly(h, 0)), TimeSpan.Zero);
            return new Post { PostId = $"p-{d}-{h}", Url = $"http://127.0.0.1:1/posts/p-{d}-{h}", PublishedAt = at, Title = $"Statement {d}/{h}", Text = "A statement." };
        })).ToArray();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled connections may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
    }
}
