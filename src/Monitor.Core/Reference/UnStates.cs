namespace Monitor.Core.Reference;

/// <summary>
/// The 193 member states of the United Nations and its two observer states (the Holy See, the State of Palestine),
/// kept apart. Generated from the <c>world-countries</c> data (ODbL 1.0) by <c>generate-un-states.mjs</c>; see README.md here.
/// </summary>
internal static partial class UnStates
{
    // Built on first use: the generated rows live in another file of this partial class, and the order in which
    // static fields of different files initialise is unspecified.
    private static Dictionary<string, UnState>? byAlpha3;

    private static Dictionary<string, UnState> ByAlpha3 =>
        byAlpha3 ??= MemberRows.Concat(ObserverRows).ToDictionary(s => s.Alpha3, StringComparer.Ordinal);

    /// <summary>The 193 member states, ordered by alpha-3 code.</summary>
    public static IReadOnlyList<UnState> Members => MemberRows;

    /// <summary>The observer states: State of Palestine, Holy See.</summary>
    public static IReadOnlyList<UnState> Observers => ObserverRows;

    /// <summary>The member or observer with this alpha-3 code, or null for any other country or territory.</summary>
    public static UnState? Find(string alpha3) => ByAlpha3.GetValueOrDefault(alpha3);

    /// <summary>Whether the alpha-3 code names one of the 193 member states.</summary>
    public static bool IsMember(string alpha3) => Find(alpha3) is { } state && !ObserverRows.Contains(state);
}
