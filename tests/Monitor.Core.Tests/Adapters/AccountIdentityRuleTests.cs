using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters;

/// <summary>The one identity rule every adapter applies, and the two statuses it adds.</summary>
public sealed class AccountIdentityRuleTests
{
    private static readonly TrackedAccount Account = new("gbr-x", Platforms.X, "@MFA_Example", "GBR", ActorType.ForeignMinistry);

    public static TheoryData<string?, string, string, string?, bool, IdentityVerdict> Cases => new()
    {
        { null, "@MFA_Example", "42", "MFA_Example", false, IdentityVerdict.FirstContact },
        { null, "@MFA_Example", "42", "MFA_Renamed", false, IdentityVerdict.Renamed },
        { "42", "@MFA_Example", "42", "mfa_example", false, IdentityVerdict.Same },
        { "42", "@MFA_Example", "42", null, false, IdentityVerdict.Same },
        { "42", "@MFA_Example", "42", "MFA_Renamed", false, IdentityVerdict.Renamed },
        { "42", "id:42", "42", "MFA_Renamed", true, IdentityVerdict.Same },
        { "42", "@MFA_Example", "43", "MFA_Example", false, IdentityVerdict.Changed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Judge_ComparesRecordedIdAndListedHandle(string? recorded, string listed, string seenId, string? seenHandle, bool byId, IdentityVerdict expected)
    {
        Assert.Equal(expected, AccountIdentityRule.Judge(recorded, listed, new AccountIdentity(seenId, seenHandle), byId));
    }

    [Fact]
    public void Report_Renamed_IsASuccessNamingBothHandles()
    {
        var ok = new FetchResult { Status = PollStatus.Ok, Identity = new AccountIdentity("42", "MFA_Renamed") };

        var renamed = AccountIdentityRule.Report(ok, IdentityVerdict.Renamed, Account);

        Assert.Equal(PollStatus.Renamed, renamed.Status);
        Assert.True(renamed.Status.IsSuccess());
        Assert.Contains("@MFA_Example", renamed.Error, StringComparison.Ordinal);
        Assert.Contains("MFA_Renamed", renamed.Error, StringComparison.Ordinal);
        Assert.Same(ok, AccountIdentityRule.Report(ok, IdentityVerdict.Same, Account));
    }

    [Fact]
    public void Changed_IsAFailureThatNamesTheConfirmCommand()
    {
        var changed = AccountIdentityRule.Changed(Account, "42", new AccountIdentity("43", "MFA_Example"));

        Assert.Equal(PollStatus.IdentityChanged, changed.Status);
        Assert.False(changed.Status.IsSuccess());
        Assert.Contains("accounts confirm gbr-x", changed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PollStatus.Renamed, "renamed")]
    [InlineData(PollStatus.IdentityChanged, "identityChanged")]
    public void WireNames_RoundTrip(PollStatus status, string wire)
    {
        Assert.Equal(wire, status.ToWireName());
        Assert.Equal(status, PollStatusNames.Parse(wire));
    }

    [Fact]
    public void ActivityStatus_OfAnIdentityChangedAccount_IsThatVerdict()
    {
        var calculator = new ActivityCalculator(Options.Create(new ActivityOptions()), TimeProvider.System);

        Assert.Equal("identityChanged", calculator.ClassifyStatus(PollStatus.IdentityChanged, TimeSpan.FromDays(1)));
        Assert.Equal(ActivityStatus.Active, calculator.ClassifyStatus(PollStatus.Renamed, TimeSpan.FromDays(1)));
    }
}
