using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Languages;
using Monitor.Testing;

namespace Monitor.Core.Tests.Languages;

public sealed class LanguageOptionsTests
{
    [Fact]
    public void Defaults_AreValidAndCoverTheUnLanguages()
    {
        var options = new LanguageOptions();

        Assert.Empty(options.Validate());
        Assert.True(options.DetectionEnabled);
        Assert.Superset(new HashSet<string> { "en", "fr", "es", "ar", "ru", "zh" }, options.Languages.ToHashSet());
    }

    public static TheoryData<string[], string> Invalid => new()
    {
        { ["en", "xx"], "Detect: 'xx' is not an ISO 639-1 code" },
        { ["en", "eng"], "Detect: 'eng' is not an ISO 639-1 code" },
        { ["en", "en-US"], "Detect: 'en-US' is not an ISO 639-1 code" },
        { ["en"], "Detect: list at least two languages" },
        { ["en", " EN "], "Detect: list at least two languages" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadLanguageList_NamesTheKey(string[] detect, string expected)
    {
        var failures = new LanguageOptions { Detect = [.. detect] }.Validate().ToArray();

        Assert.Contains(failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_ConfiguredList_ReplacesTheDefaultSet()
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?>
        {
            ["Monitor:Languages:Detect:0"] = "en",
            ["Monitor:Languages:Detect:1"] = "FR",
        });

        Assert.Equal(["en", "FR"], services.GetRequiredService<IOptions<LanguageOptions>>().Value.Languages);
    }

    [Fact]
    public void Validate_DetectionOff_IgnoresTheList()
    {
        Assert.Empty(new LanguageOptions { DetectionEnabled = false, Detect = ["xx"] }.Validate());
    }

    [Fact]
    public void Startup_UnknownLanguage_FailsNamingTheFullKey()
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?>
        {
            ["Monitor:Languages:Detect:0"] = "en",
            ["Monitor:Languages:Detect:1"] = "klingon",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageOptions>>().Value);

        Assert.Contains("Monitor:Languages:Detect: 'klingon' is not an ISO 639-1 code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_DistanceOutOfRange_FailsNamingTheFullKey()
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?> { ["Monitor:Languages:MinimumRelativeDistance"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LanguageOptions>>().Value);

        Assert.Contains("Monitor:Languages:MinimumRelativeDistance", error.Message, StringComparison.Ordinal);
    }
}
