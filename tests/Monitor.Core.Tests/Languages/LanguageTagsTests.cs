using Monitor.Core.Languages;

namespace Monitor.Core.Tests.Languages;

public sealed class LanguageTagsTests
{
    public static TheoryData<string?, string?> Tags => new()
    {
        { "en", "en" },
        { "en-US", "en" },
        { "EN", "en" },
        { "en_gb", "en" },
        { " fr-CA ", "fr" },
        { "zh-Hant-TW", "zh" },
        { "ast", "ast" },
        { "pt-BR", "pt" },
        { "und", null },
        { "mul", null },
        { "zxx", null },
        { "x-klingon", null },
        { "i-klingon", null },
        { "English", null },
        { "12", null },
        { "e", null },
        { "", null },
        { "   ", null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Tags))]
    public void Primary_Tag_IsTheLowerCasePrimarySubtagOrNull(string? tag, string? expected)
    {
        Assert.Equal(expected, LanguageTags.Primary(tag));
    }
}
