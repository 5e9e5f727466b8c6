using Monitor.Core.Adapters.Bluesky;

namespace Monitor.Core.Tests.Adapters.Bluesky;

public sealed class BlueskyHandleTests
{
    [Theory]
    [InlineData("fcdo.bsky.social", "fcdo.bsky.social")]
    [InlineData(" @FCDO.bsky.social ", "fcdo.bsky.social")]
    [InlineData("diplomatie.gouv.fr", "diplomatie.gouv.fr")]
    [InlineData("did:plc:fcdo4kq2yq7m3hnxwzj5tb6a", "did:plc:fcdo4kq2yq7m3hnxwzj5tb6a")]
    [InlineData("did:web:example.org", "did:web:example.org")]
    [InlineData("https://bsky.app/profile/fcdo.bsky.social", "fcdo.bsky.social")]
    public void Parse_ValidActor_GivesActor(string handle, string expected)
    {
        Assert.Equal(expected, BlueskyHandle.Parse(handle, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fcdo")]
    [InlineData("fcdo.123")]
    [InlineData("@@fcdo bsky.social")]
    [InlineData("did:plc:")]
    [InlineData("https://example.org/profile/fcdo.bsky.social")]
    public void Parse_InvalidActor_ReturnsError(string handle)
    {
        Assert.Null(BlueskyHandle.Parse(handle, out var error));
        Assert.NotNull(error);
    }
}
