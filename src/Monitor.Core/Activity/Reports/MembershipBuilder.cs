using System.Globalization;
using Monitor.Core.Adapters;
using Monitor.Core.Reference;

namespace Monitor.Core.Activity.Reports;

/// <summary>Builds <see cref="MembershipPresence"/>: presence on each platform against the UN membership.</summary>
internal static class MembershipBuilder
{
    public const string AnyPlatform = "any";

    public static MembershipPresence Build(IReadOnlyList<PresenceAccount> accounts, bool activeOnly)
    {
        var members = UnStates.Members;
        var tracked = accounts.Select(a => a.Account.Country).ToHashSet(StringComparer.Ordinal);
        var counting = accounts.Where(a => a.Counts(activeOnly)).ToArray();
        var platforms = accounts.Select(a => a.Account.Platform).Distinct().Order(StringComparer.Ordinal).ToArray();
        var untracked = members.Where(m => !tracked.Contains(m.Alpha3)).Select(Name).ToArray();
        return new MembershipPresence(
            members.Count,
            activeOnly,
            members.Count(m => tracked.Contains(m.Alpha3)),
            untracked,
            ForPlatform(AnyPlatform, counting, tracked),
            platforms.Select(p => ForPlatform(p, counting.Where(a => a.Account.Platform == p).ToArray(), tracked)).ToArray(),
            members.Select(m => ForState(m, counting, tracked)).ToArray(),
            UnStates.Observers.Select(o => ForState(o, counting, tracked)).ToArray());
    }

    /// <summary>Share of the 193 members in percent, one decimal, half away from zero: 189 → 97.9.</summary>
    public static double Percent(int count, int members) =>
        Math.Round(100.0 * count / members, 1, MidpointRounding.AwayFromZero);

    private static PlatformMembership ForPlatform(string platform, IReadOnlyList<PresenceAccount> counting, HashSet<string> tracked)
    {
        var members = UnStates.Members;
        var memberAccounts = counting.Where(a => UnStates.IsMember(a.Account.Country)).ToArray();
        var listed = memberAccounts.Select(a => a.Account.Country).ToHashSet(StringComparer.Ordinal);
        var confirmed = memberAccounts.Where(a => a.Confirmed).Select(a => a.Account.Country).ToHashSet(StringComparer.Ordinal);
        var percent = Percent(listed.Count, members.Count);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{listed.Count} of {members.Count} UN members ({percent:0.0} %) on {platform}: {listed.Count} listed, {confirmed.Count} confirmed");
        return new PlatformMembership(
            platform,
            members.Count,
            listed.Count,
            percent,
            confirmed.Count,
            Percent(confirmed.Count, members.Count),
            summary,
            members.Where(m => tracked.Contains(m.Alpha3) && !listed.Contains(m.Alpha3)).Select(Name).ToArray(),
            memberAccounts.Where(a => !a.Confirmed).OrderBy(a => a.Account.Id, StringComparer.Ordinal)
                .Select(a => new UnverifiedAccount(a.Account.Id, a.Account.Platform, a.Account.Country, a.LastStatus?.ToWireName())).ToArray());
    }

    private static MemberPresence ForState(UnState state, IReadOnlyList<PresenceAccount> counting, HashSet<string> tracked)
    {
        var own = counting.Where(a => a.Account.Country == state.Alpha3).ToArray();
        return new MemberPresence(state.Alpha3, state.Name, tracked.Contains(state.Alpha3),
            own.Select(a => a.Account.Platform).Distinct().Order(StringComparer.Ordinal).ToArray(),
            own.Where(a => a.Confirmed).Select(a => a.Account.Platform).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    private static StateName Name(UnState state) => new(state.Alpha3, state.Name);
}
