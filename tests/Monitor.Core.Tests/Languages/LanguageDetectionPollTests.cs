using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Languages;

/// <summary>Detection in the poll pipeline: between the adapter and the store, only for posts the platform gave no language.</summary>
public sealed class LanguageDetectionPollTests : IAsyncDisposable
{
    private const string French = "Le ministre a reçu aujourd'hui son homologue pour évoquer la coopération en matière de sécurité régionale.";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-languages-").FullName;
    private readonly FakeTimeProvider time = new(Start);
    private readonly ScriptedAdapter adapter = new();
    private ServiceProvider? services;

    [Fact]
    public async Task Poll_PostsWithoutLanguage_AreStoredWithTheDetectedLanguageAndFlag()
    {
        var posts = new[]
        {
            Post("detected", French),
            Post("given", French) with { Language = "en-GB" },
            Post("short", "OK"),
        };
        adapter.On("mfa", _ => new FetchResult { Status = PollStatus.Ok, Posts = posts });
        await StartAsync(detection: true);

        await PollAsync();
        await PollAsync();

        var stored = await StoredAsync();
        Assert.Equal(("fr", true), stored["detected"]);
        Assert.Equal(("en-GB", false), stored["given"]);
        Assert.Equal((null, false), stored["short"]);
        Assert.Equal(3, adapter.Requests.Last().RecentPosts.Count); // the second poll met them stored: nothing detected again
    }

    [Fact]
    public async Task Poll_DetectionOff_StoresOnlyThePlatformsLanguage()
    {
        adapter.On("mfa", _ => new FetchResult { Status = PollStatus.Ok, Posts = [Post("plain", French), Post("given", French) with { Language = "fr" }] });
        await StartAsync(detection: false);

        await PollAsync();

        var stored = await StoredAsync();
        Assert.Equal((null, false), stored["plain"]);
        Assert.Equal(("fr", false), stored["given"]);
    }

    private async Task StartAsync(bool detection)
    {
        services = MonitorTestServices.Build(
            new Dictionary<string, string?>
            {
                ["Monitor:Storage:Sqlite:Path"] = Path.Combine(directory, "monitor.db"),
                ["Monitor:Languages:DetectionEnabled"] = detection ? "true" : "false",
            },
            time,
            s => s.AddSingleton<IPlatformAdapter>(adapter));
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
        await services.GetRequiredService<IAccountStore>().SyncAccountsAsync(
            [new TrackedAccount("mfa", ScriptedAdapter.Key, "mfa", "FRA", ActorType.ForeignMinistry)], time.GetUtcNow(), CancellationToken.None);
    }

    private async Task PollAsync()
    {
        await services!.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(IgnoreSchedule: true), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
    }

    private async Task<Dictionary<string, (string? Language, bool Detected)>> StoredAsync()
    {
        var result = new Dictionary<string, (string?, bool)>(StringComparer.Ordinal);
        await foreach (var post in services!.GetRequiredService<IRecordReader>().ReadPostsAsync(new RecordFilter(), CancellationToken.None))
        {
            result[post.Post.PostId] = (post.Post.Language, post.Post.LanguageDetected);
        }

        return result;
    }

    private static Post Post(string id, string text) => new() { PostId = id, PublishedAt = Start.AddHours(-1), Text = text };

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
