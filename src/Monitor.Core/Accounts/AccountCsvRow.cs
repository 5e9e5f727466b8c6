namespace Monitor.Core.Accounts;

/// <summary>
/// One row of an accounts CSV file as text, in the column order of the file format; what the import, discovery and
/// merge read and write (the loader validates rows into <see cref="TrackedAccount"/>s).
/// </summary>
public sealed record AccountCsvRow(
    string Id,
    string Platform,
    string Handle,
    string Country,
    string Actor,
    string Name = "",
    string Language = "",
    string Enabled = "",
    string Wikidata = "",
    string Source = "")
{
    /// <summary>The columns of the accounts file; the first five are required, the rest optional.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["id", "platform", "handle", "country", "actor", "name", "language", "enabled", "wikidata", "source"];

    /// <summary>The values in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<string> Values => [Id, Platform, Handle, Country, Actor, Name, Language, Enabled, Wikidata, Source];
}

/// <summary>Where a row came from (the <c>source</c> column).</summary>
public static class AccountSources
{
    public const string Wikidata = "wikidata";
    public const string Manual = "manual";
    public const string Discover = "discover";

    public static readonly IReadOnlyList<string> All = [Wikidata, Manual, Discover];
}
