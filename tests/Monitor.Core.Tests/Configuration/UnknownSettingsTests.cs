using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;
using Monitor.Testing;

namespace Monitor.Core.Tests.Configuration;

public sealed class UnknownSettingsTests
{
    public static TheoryData<string, string?> Typos => new()
    {
        { "Monitor:Polling:MinInval", "Monitor:Polling:MinInterval" },
        { "Monitor:Storag:Provider", "Monitor:Storage:Provider" },
        { "Monitor:Accounts:0:Hanlde", "Monitor:Accounts:0:Handle" },
        { "Monitor:Platforms:X:BearerTokn", "Monitor:Platforms:X:BearerToken" },
        { "Monitor:Http:Resilience:MaxRetries", null },
        { "Monitor:Zzzzzzzzzz", null },
    };

    [Theory]
    [MemberData(nameof(Typos))]
    public void Find_KeyNoSettingReads_IsReportedWithTheNearestKnownKey(string key, string? nearest)
    {
        var unknown = Assert.Single(Find(new() { [key] = "1" }));

        Assert.Equal(new UnknownSetting(key, nearest), unknown);
    }

    [Theory]
    [InlineData("Monitor:Polling:MinInterval")]
    [InlineData("monitor:polling:mininterval")]
    [InlineData("Monitor:AccountsFile")]
    [InlineData("Monitor:Accounts:3:Id")]
    [InlineData("Monitor:Storage:Mongo:Database")]
    [InlineData("Monitor:Storage:Sqlite:BusyTimeout")]
    [InlineData("Monitor:Platforms:X:BearerToken")]
    [InlineData("Monitor:Http:Resilience:MaxRetryAttempts")]
    public void Find_KnownKey_IsNotReported(string key) => Assert.Empty(Find(new() { [key] = "1" }));

    [Fact]
    public void Find_ShippedAppSettings_HasNoUnknownKey()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.json")).Build();
        using var services = MonitorTestServices.Build(new Dictionary<string, string?>());

        Assert.Empty(UnknownSettings.Find(configuration, services.GetServices<SettingsSection>()));
    }

    [Fact]
    public void ToString_NamesTheKeyAndTheSuggestion() =>
        Assert.Equal("Monitor:Polling:MinInval: not a known setting; did you mean Monitor:Polling:MinInterval?",
            new UnknownSetting("Monitor:Polling:MinInval", "Monitor:Polling:MinInterval").ToString());

    private static IReadOnlyList<UnknownSetting> Find(Dictionary<string, string?> settings)
    {
        using var services = MonitorTestServices.Build(new Dictionary<string, string?>());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return UnknownSettings.Find(configuration, services.GetServices<SettingsSection>());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitor.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Monitor.slnx not found above the test folder.");
    }
}
