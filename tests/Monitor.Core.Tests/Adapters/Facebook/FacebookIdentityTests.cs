using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.Facebook;

/// <summary>The page id is the stable identity: renames are followed, a reused username stops polling.</summary>
public sealed class FacebookIdentityTests
{
    private const string ByIdPath = "/v23.0/" + FacebookTestHost.PageId;
    private const string ByNamePath = "/v23.0/MFAExample";
    private const string PostsPath = "/v23.0/" + FacebookTestHost.PageId + "/posts";
    private static readonly PollCursor Recorded = new(ExternalId: FacebookTestHost.PageId);

    private static Func<AdapterTestHost, HttpContext, Task> Serve(string? byId, string? byName) => (host, context) => context.Request.Path.Value switch
    {
        ByIdPath when byId is not null => FacebookTestHost.Write(context, byId),
        ByNamePath when byName is not null => FacebookTestHost.Write(context, byName),
        PostsPath => host.Json(context, "posts-page2.json"),
        _ => host.Json(context, "error-not-found.json", 400),
    };

    private static string Page(string id, string? username) =>
        $$"""{"id":"{{id}}","name":"Ministry of Foreign Affairs","followers_count":161870{{(username is null ? "" : $",\"username\":\"{username}\"")}}}""";

    [Fact]
    public async Task FetchAsync_RecordedPageId_IsLookedUpByIdAndANewUsernameIsARename()
    {
        await using var host = await FacebookTestHost.StartAsync(Serve(Page(FacebookTestHost.PageId, "MFA.Renamed"), null));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(Recorded), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Renamed, result.Status);
        Assert.Equal(new AccountIdentity(FacebookTestHost.PageId, "MFA.Renamed"), result.Identity);
        Assert.NotEmpty(result.Posts);
        Assert.Empty(host.Server.RequestsTo(ByNamePath));
    }

    [Fact]
    public async Task FetchAsync_SameUsernameInAnotherCase_IsNoRename()
    {
        await using var host = await FacebookTestHost.StartAsync(Serve(Page(FacebookTestHost.PageId, "mfaexample"), null));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(Recorded), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
    }

    [Fact]
    public async Task FetchAsync_RecordedPageGoneAndUsernameOnAnotherPage_IsAnIdentityChange()
    {
        await using var host = await FacebookTestHost.StartAsync(Serve(null, Page("998877665544332", "MFAExample")));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(Recorded), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.IdentityChanged, result.Status);
        Assert.Equal("998877665544332", result.Identity!.StableId);
        Assert.Empty(host.Server.RequestsTo(PostsPath));
    }

    [Fact]
    public async Task VerifyAsync_FirstContact_IsOnePageLookupByUsername()
    {
        await using var host = await FacebookTestHost.StartAsync(Serve(null, Page(FacebookTestHost.PageId, "MFAExample")));

        var result = await host.Adapter.VerifyAsync(FacebookTestHost.Request().Account, PollCursor.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(new AccountIdentity(FacebookTestHost.PageId, "MFAExample"), result.Identity);
        Assert.Single(host.Server.Requests);
    }
}
