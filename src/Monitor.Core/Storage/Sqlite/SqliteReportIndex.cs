namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Schema version 5: covering indexes for the reports. Activity streams each account's window posts as
/// (published_at, kind) and the study groups them by language and sums reposts; activity seeks the first and last
/// snapshots with followers or a post counter, the study counts polls by status. With every column they read in an
/// index, a report is a few range seeks per account and never reads a post's row (about 1 KB, often in overflow
/// pages) or a snapshot's. Building them reads every post and snapshot once, in one transaction; SQLite keeps them
/// current as part of each insert, update and delete.
/// </summary>
internal static class SqliteReportIndex
{
    public const string Create = """
        CREATE INDEX IF NOT EXISTS ix_posts_report ON posts (account_id, published_at, kind, language, reposts);
        CREATE INDEX IF NOT EXISTS ix_snapshots_report ON snapshots (account_id, captured_at, id, followers, posts_total, status);
        """;
}
