namespace Monitor.Core.Storage;

/// <summary>
/// Whether this process may change the store. Read-only commands (<c>export</c>, <c>report</c>, <c>accounts list</c>)
/// register <see cref="ReadOnly"/>: SQLite connections then open with <c>Mode=ReadOnly</c>, so a command that only
/// reads can neither create a database at a mistyped path nor migrate or sync one a running service uses.
/// Without a registration the store is read-write.
/// </summary>
public sealed record StorageAccess(bool IsReadOnly)
{
    public static StorageAccess ReadWrite { get; } = new(false);

    public static StorageAccess ReadOnly { get; } = new(true);
}
