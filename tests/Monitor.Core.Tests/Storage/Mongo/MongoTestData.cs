using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>Accounts, posts and polls shared by the Mongo command tests.</summary>
internal static class MongoTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TrackedAccount Account = new("gbr-fcdo", Platforms.Mastodon, "@fcdo@example.org", "GBR", ActorType.ForeignMinistry, "FCDO", "en");

    public static AccountLease Lease(PollState? state = null) =>
        new(Account, state ?? PollState.New, "host-1/42", Now.AddMinutes(5));

    public static Post Post(string id, string text = "Statement", DateTimeOffset? published = null) => new()
    {
        PostId = id,
        Url = $"https://example.org/@fcdo/{id}",
        PublishedAt = published ?? Now.AddHours(-1),
        Text = text,
    };

    public static PollRecord Poll(FetchResult result, DateTimeOffset? capturedAt = null) =>
        new(Lease(), capturedAt ?? Now, result, TimeSpan.FromMilliseconds(1234), Now.AddMinutes(15), result.Status.IsSuccess() ? 0 : 1);

    public static PollRecord Poll(params Post[] posts) => Poll(new FetchResult { Status = PollStatus.Ok, Posts = posts });
}
