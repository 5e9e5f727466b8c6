using Monitor.Core.Accounts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

public sealed class ClaimCandidatesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pick_StreamsOfSeveralPlatforms_MergesThemIntoScheduleOrder()
    {
        var streams = new Dictionary<string, ClaimCandidate[]>
        {
            ["rss"] = [Candidate("r2", "rss", null), Candidate("r1", "rss", 5), Candidate("r3", "rss", 9)],
            ["mastodon"] = [Candidate("m1", "mastodon", null), Candidate("m2", "mastodon", 5), Candidate("m0", "mastodon", 7)],
        };

        var picked = await ClaimCandidates.PickAsync(streams.Keys, p => Read(streams[p]), Request(10), TestContext.Current.CancellationToken);

        Assert.Equal(["m1", "r2", "m2", "r1", "m0", "r3"], picked.Select(a => a.Id));
    }

    [Fact]
    public async Task Pick_PlatformFillsOnTheWay_ReadsNoMoreOfItsStream()
    {
        var full = new HashSet<string>(StringComparer.Ordinal);
        var read = new List<string>();
        var streams = new Dictionary<string, ClaimCandidate[]>
        {
            ["rss"] = Enumerable.Range(0, 50).Select(i => Candidate($"r{i:00}", "rss", i)).ToArray(),
            ["bluesky"] = [Candidate("b1", "bluesky", 100), Candidate("b2", "bluesky", 200)],
            ["x"] = [Candidate("x1", "x", 0)],
        };
        var rss = 0;
        var request = Request(4) with
        {
            FullPlatforms = full,
            CanStart = account =>
            {
                if (account.Platform == "rss" && ++rss == 2)
                {
                    full.Add("rss");
                }

                return true;
            },
        };

        var picked = await ClaimCandidates.PickAsync(
            ["rss", "bluesky", "x"], p => Tracked(streams[p], read), request with { FullPlatforms = full }, TestContext.Current.CancellationToken);

        Assert.Equal(["r00", "x1", "r01", "b1"], picked.Select(a => a.Id));
        // Each stream's head is read before it is offered; rss stopped when it filled, bluesky when the claim was complete.
        Assert.Equal(["b1", "r00", "r01", "x1"], read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pick_EveryCandidateRefused_StopsAfterMaxScanned()
    {
        var offered = 0;
        var candidates = Enumerable.Range(0, ClaimCandidates.MaxScanned * 3).Select(i => Candidate($"r{i:00000}", "rss", i)).ToArray();

        var picked = await ClaimCandidates.PickAsync(
            ["rss"], _ => Read(candidates), Request(5) with { CanStart = _ => { offered++; return false; } }, TestContext.Current.CancellationToken);

        Assert.Empty(picked);
        Assert.Equal(ClaimCandidates.MaxScanned, offered);
    }

    [Fact]
    public async Task Pick_FullPlatformGivenUpFront_IsNeverRead()
    {
        var read = new List<string>();
        var streams = new Dictionary<string, ClaimCandidate[]>
        {
            ["rss"] = [Candidate("r1", "rss", 0)],
            ["x"] = [Candidate("x1", "x", 9)],
        };

        var picked = await ClaimCandidates.PickAsync(
            streams.Keys, p => Tracked(streams[p], read), Request(5) with { FullPlatforms = ["rss"] }, TestContext.Current.CancellationToken);

        Assert.Equal(["x1"], picked.Select(a => a.Id));
        Assert.Equal(["x1"], read);
    }

    private static ClaimRequest Request(int max) => new("w", Start, TimeSpan.FromMinutes(5), max);

    private static ClaimCandidate Candidate(string id, string platform, int? minutes) =>
        new(new TrackedAccount(id, platform, $"https://example.test/{id}", "GBR", ActorType.Embassy), minutes is { } m ? Start.AddMinutes(m) : null);

    private static async IAsyncEnumerable<ClaimCandidate> Read(IEnumerable<ClaimCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            await Task.Yield();
            yield return candidate;
        }
    }

    private static async IAsyncEnumerable<ClaimCandidate> Tracked(IEnumerable<ClaimCandidate> candidates, List<string> read)
    {
        foreach (var candidate in candidates)
        {
            await Task.Yield();
            read.Add(candidate.Account.Id);
            yield return candidate;
        }
    }
}
