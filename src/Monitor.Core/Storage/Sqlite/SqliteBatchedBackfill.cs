using Microsoft.Data.Sqlite;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The loop every resumable backfill shares (search index, entities, metric observations): batches in key order, each
/// committed on its own so an interrupted migration resumes after the last committed batch, with progress and a
/// systemd start-timeout extension per batch; then a catch-up inside the migration's final transaction.
/// </summary>
internal static class SqliteBatchedBackfill
{
    /// <summary>One batch inside the given transaction; returns how many posts it read (0: done).</summary>
    public delegate Task<int> Batch(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Batches until one reads nothing, each in its own IMMEDIATE transaction; <paramref name="describe"/> gives the progress line for a batch of N posts.</summary>
    public static async Task RunAsync(SqliteConnection connection, Batch batch, Func<int, string> describe, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var read = await batch(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (read == 0)
            {
                break;
            }

            progress?.Report(describe(read));
            SystemdNotifier.ExtendStartTimeout(TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>Runs batches until none is left, inside the final transaction (posts written since the last batch).</summary>
    public static async Task CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, Batch batch, CancellationToken cancellationToken)
    {
        while (await batch(connection, transaction, cancellationToken) > 0)
        {
        }
    }

    /// <summary>Records in the backfill's one-row progress table that posts up to rowid <paramref name="last"/> are done.</summary>
    public static async Task MarkAsync(SqliteConnection connection, SqliteTransaction transaction, string progressTable, long last, CancellationToken cancellationToken)
    {
        await using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = $"UPDATE {progressTable} SET last_id = $last;";
        mark.Bind("$last", last);
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }
}
