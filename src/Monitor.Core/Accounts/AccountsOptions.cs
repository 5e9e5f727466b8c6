namespace Monitor.Core.Accounts;

/// <summary>Where tracked accounts come from (<c>Monitor:AccountsFile</c>, <c>Monitor:Accounts</c>).</summary>
public sealed class AccountsOptions
{
    public const string SectionPath = "Monitor";

    /// <summary>CSV file with header <c>id,platform,handle,country,actor,name,language,enabled,wikidata,source</c> (the last five optional); relative to the content root. Null: none.</summary>
    public string? AccountsFile { get; set; }

    /// <summary>Accounts listed inline in configuration, in addition to the file.</summary>
    public List<AccountEntry> Accounts { get; set; } = [];
}

/// <summary>An account as written in configuration; validated into a <see cref="TrackedAccount"/>.</summary>
public sealed class AccountEntry
{
    public string? Id { get; set; }
    public string? Platform { get; set; }
    public string? Handle { get; set; }
    public string? Country { get; set; }
    public string? Actor { get; set; }
    public string? Name { get; set; }
    public string? Language { get; set; }
    public bool? Enabled { get; set; }

    /// <summary>The Wikidata item the account was imported from (<c>Q…</c>), optional.</summary>
    public string? Wikidata { get; set; }

    /// <summary>Where the row came from: <c>wikidata</c>, <c>manual</c> or <c>discover</c>; optional.</summary>
    public string? Source { get; set; }
}
