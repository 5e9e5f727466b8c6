using System.Text.Json;
using Monitor.Core.Adapters.Telegram;
using Monitor.Testing;

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

    [Fact]
    public void Parse_ChannelPage_ReadsEachMessagesTextFromThePageDomAsHtmlTextDoes()
    {
        // The golden file holds HtmlText.ToPlainText of every text block's inner HTML; a reply's quoted snippet comes
        // first, so a message's own text is the last block of its post.
        var golden = JsonSerializer.Deserialize<JsonElement[]>(Fixtures.ReadText("Telegram/channel-page.html-text.json"))!
            .GroupBy(e => long.Parse(e.GetProperty("At").GetString()!.Split(' ')[0].Split('/')[1]))
            .ToDictionary(g => g.Key, g => g.Last().GetProperty("Text").GetString());

        var page = TelegramPreviewParser.Parse(Fixtures.ReadText("Telegram/channel-page.html"), "mfa_example");

        var withText = page.Messages.Where(m => m.Text is not null).ToArray();
        Assert.NotEmpty(withText);
        Assert.All(withText, m => Assert.Equal(golden[m.Id], m.Text));
    }
}
