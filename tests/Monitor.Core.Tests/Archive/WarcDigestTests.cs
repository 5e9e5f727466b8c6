using System.Text;
using Monitor.Core.Archive;

namespace Monitor.Core.Tests.Archive;

public sealed class WarcDigestTests
{
    // RFC 4648 §10 test vectors, without their padding.
    public static TheoryData<string, string> Vectors => new()
    {
        { "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" }, { "foob", "MZXW6YQ" }, { "fooba", "MZXW6YTB" },
        { "foobar", "MZXW6YTBOI" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Base32_MatchesRfc4648(string input, string expected) =>
        Assert.Equal(expected, WarcDigest.Base32(Encoding.ASCII.GetBytes(input)));

    [Fact]
    public void Sha256_Is52UpperCaseBase32CharactersWithoutPadding()
    {
        var digest = WarcDigest.Sha256("hello"u8);

        Assert.Equal(TestWarcReader.Digest("hello"u8.ToArray()), digest);
        Assert.Matches("^sha256:[A-Z2-7]{52}$", digest);
    }
}
