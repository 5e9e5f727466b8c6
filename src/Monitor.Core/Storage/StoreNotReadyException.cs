namespace Monitor.Core.Storage;

/// <summary>
/// The store cannot be used as configured: its database is missing (for a read-only command), cannot be opened, or
/// has a schema this version does not read. The message names the database, the reason and, where one helps, the
/// command that creates or migrates it.
/// </summary>
public sealed class StoreNotReadyException(string message, Exception? inner = null) : Exception(message, inner);
