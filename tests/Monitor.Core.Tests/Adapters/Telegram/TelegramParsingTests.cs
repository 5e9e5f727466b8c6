using Monitor.Core.Adapters.Telegram;

namespace Monitor.Core.Tests.Adapters.Telegram;

public sealed class TelegramParsingTests
{
    public static TheoryData<string?, long?> Counts => new()
    {
        { "987", 987 },
        { "4.85K", 4850 },
        { "1.2M", 1_200_000 },
        { "12.3K", 12_300 },
        { "82K", 82_000 },
        { "1.48k", 1_480 },
        { "2.1B", 2_100_000_000 },
        { "12 345", 12_345 },
        { " 0 ", 0 },
        { "", null },
        { null, null },
        { "K", null },
        { "n/a", null },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Parse_AbbreviatedCounts_ReturnsExactValue(string? text, long? expected) =>
        Assert.Equal(expected, TelegramCount.Parse(text));

    [Theory]
    [InlineData("@mfa_example", "mfa_example")]
    [InlineData("mfa_example", "mfa_example")]
    [InlineData("https://t.me/mfa_example", "mfa_example")]
    [InlineData("https://t.me/s/mfa_example", "mfa_example")]
    [InlineData("t.me/mfa_example/1202", "mfa_example")]
    [InlineData("http://telegram.me/mfa_example?x=1", "mfa_example")]
    [InlineData("  @MFA_Example ", "MFA_Example")]
    [InlineData("https://t.me/+AbCdEfGh", null)]
    [InlineData("1mfa", null)]
    [InlineData("abc", null)]
    [InlineData("mfa-example", null)]
    [InlineData("", null)]
    public void TryNormalize_HandleForms_ReturnTheUsername(string handle, string? expected) =>
        Assert.Equal(expected, TelegramHandle.TryNormalize(handle));
}
