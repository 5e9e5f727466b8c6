using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Storage;

/// <summary>Which store holds posts and snapshots (<c>Monitor:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionPath = "Monitor:Storage";

    /// <summary><c>Sqlite</c> (default: an embedded file, nothing to install) or <c>Mongo</c>.</summary>
    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}

public enum StorageProvider
{
    Sqlite,
    Mongo,
}
