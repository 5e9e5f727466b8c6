using Monitor.Core.Adapters.Mastodon;

namespace Monitor.Core.Tests.Adapters.Mastodon;

public sealed class MastodonHandleTests
{
    public static TheoryData<string, string, string> Valid => new()
    {
        { "@France_Diplo@social.example", "France_Diplo", "https://social.example/" },
        { "France_Diplo@Social.Example", "France_Diplo", "https://social.example/" },
        { " https://social.example/@auswaertiges.amt/ ", "auswaertiges.amt", "https://social.example/" },
        { "http://127.0.0.1:8080/@test", "test", "http://127.0.0.1:8080/" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidHandle_GivesUsernameAndOrigin(string handle, string username, string origin)
    {
        var parsed = MastodonHandle.Parse(handle, out var error);

        Assert.Null(error);
        Assert.Equal(new MastodonHandle(username, new Uri(origin)), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("France_Diplo")]
    [InlineData("@France_Diplo")]
    [InlineData("@a@b@c")]
    [InlineData("@bad name@social.example")]
    [InlineData("@user@localhost")]
    [InlineData("http://social.example/@user")]
    [InlineData("https://social.example/users/user")]
    [InlineData("https://social.example/@user?x=1")]
    public void Parse_InvalidHandle_ReturnsError(string handle)
    {
        Assert.Null(MastodonHandle.Parse(handle, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("113561000000000400", "113561000000000399", 1)]
    [InlineData("113561000000000400", "113561000000000400", 0)]
    [InlineData("99999999999999999", "100000000000000000", -1)]
    public void IdComparer_ComparesByLengthThenDigits(string x, string y, int expected)
    {
        Assert.Equal(expected, Math.Sign(MastodonIdComparer.Instance.Compare(x, y)));
    }
}
