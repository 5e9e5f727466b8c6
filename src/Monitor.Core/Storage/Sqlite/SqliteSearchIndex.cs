using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Search;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Migration 4: the FTS5 table <c>post_search</c>, one row per post under the post's rowid, holding the post's
/// <see cref="SearchTokenizer"/> tokens. It is contentless (the text stays in <c>posts</c>) with
/// <c>contentless_delete=1</c> so a re-indexed post replaces its row (https://sqlite.org/fts5.html#contentless_delete_tables);
/// the <c>ascii</c> tokenizer only splits on the spaces between the tokens, which are folded already. Existing posts
/// are indexed in batches that commit on their own, resuming after <c>post_search_backfill.last_id</c>.
/// </summary>
internal static class SqliteSearchIndex
{
    private const int BatchSize = 2000;

    public const string CreateTables = """
        CREATE VIRTUAL TABLE IF NOT EXISTS post_search USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii');
        CREATE TABLE IF NOT EXISTS post_search_backfill (last_id INTEGER NOT NULL);
        INSERT INTO post_search_backfill (last_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM post_search_backfill);
        """;

    public const string Finish = "DROP TABLE post_search_backfill;";

    /// <summary>
    /// The statement that (re-)indexes one post under its rowid <c>$id</c>; bind <c>$tokens</c>. One row from VALUES,
    /// never <c>INSERT … SELECT</c>: a statement that may write several rows (so does one with <c>RETURNING</c>) opens
    /// a statement savepoint, and FTS5 writes its pending terms out as a new segment at every savepoint, so a poll of 50
    /// posts wrote 50 one-post segments and merged them (3.6–4.2 ms of native time per poll against 0.7–0.8 ms, with the
    /// terms held in memory until one segment at the commit; bench/BENCHMARKS.md, "The write path of a first poll").
    /// Nothing in the posts loop may open one either.
    /// </summary>
    public const string Upsert = "INSERT OR REPLACE INTO post_search (rowid, tokens) VALUES ($id, $tokens);";

    public static string Tokens(string? title, string? text) => SearchTokenizer.IndexText(title, text);

    public static Task BackfillAsync(SqliteConnection connection, IProgress<string>? progress, CancellationToken cancellationToken) =>
        SqliteBatchedBackfill.RunAsync(connection, IndexBatchAsync, read => string.Create(CultureInfo.InvariantCulture, $"Indexing posts for search (schema 4): {read} more indexed."), progress, cancellationToken);

    /// <summary>Indexes whatever is still missing, inside the final transaction.</summary>
    public static Task CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        SqliteBatchedBackfill.CatchUpAsync(connection, transaction, IndexBatchAsync, cancellationToken);

    private static async Task<int> IndexBatchAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT id, title, text FROM posts WHERE id > (SELECT last_id FROM post_search_backfill) ORDER BY id LIMIT {BatchSize};
            """;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR REPLACE INTO post_search (rowid, tokens) VALUES ($id, $tokens);";
        var id = insert.Bind("$id", null);
        var tokens = insert.Bind("$tokens", null);

        var indexed = 0;
        long last = 0;
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                last = rows.GetInt64(0);
                id.Value = last;
                tokens.Value = Tokens(rows.GetStringOrNull(1), rows.GetStringOrNull(2));
                await insert.ExecuteNonQueryAsync(cancellationToken);
                indexed++;
            }
        }

        if (indexed > 0)
        {
            await SqliteBatchedBackfill.MarkAsync(connection, transaction, "post_search_backfill", last, cancellationToken);
        }

        return indexed;
    }
}
