using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Recording polls: posts, deletions, snapshot and account state in one transaction.</summary>
internal sealed partial class SqliteStore
{
    private const string InsertSnapshotSql = """
        INSERT INTO snapshots (account_id, platform, captured_at, status, http_status, new_posts, seen_posts,
            followers, following, posts_total, latest_post_at, duration_ms, error, notes)
        VALUES ($account, $platform, $captured, $status, $http, $new, $seen, $followers, $following, $total, $latest, $duration, $error, $notes);
        """;

    // Written only while this poll's lease is still the account's (owner and epoch); the cursor moves only after a
    // success that returned one. The platform's creation date is kept once known: a profile without it keeps it.
    private const string UpdateAccountSql = """
        UPDATE accounts SET
            last_poll_at = $captured, next_poll_at = $next, consecutive_failures = $failures,
            last_status = $status, last_error = $error,
            last_success_at = CASE WHEN $success = 1 THEN $captured ELSE last_success_at END,
            cursor_etag = CASE WHEN $advance = 1 THEN $etag ELSE cursor_etag END,
            cursor_last_modified = CASE WHEN $advance = 1 THEN $lastModified ELSE cursor_last_modified END,
            cursor_position = CASE WHEN $advance = 1 THEN $position ELSE cursor_position END,
            cursor_external_id = CASE WHEN $advance = 1 THEN $externalId ELSE cursor_external_id END,
            platform_created_at = COALESCE($platformCreated, platform_created_at),
            lease_owner = NULL, lease_expires_at = NULL
        WHERE id = $account AND lease_owner = $owner AND lease_epoch = $epoch;
        """;

    public async Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        var account = record.Lease.Account;
        var result = record.Result;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var held = await HoldsLeaseAsync(write, record.Lease, cancellationToken);
        var posts = new SqlitePostWriter(write, account.Platform, account.Id, record.CapturedAt, record.CaptureId);
        await posts.WriteAsync(result.Posts, result.Deletions, record.DeletionConfirmations, insertOnly: !held, cancellationToken);
        var snapshot = record.ToSnapshot(posts.Inserted);
        await InsertSnapshotAsync(write, snapshot, cancellationToken);
        if (held)
        {
            await UpdateAccountAsync(write, record, cancellationToken);
        }
        else
        {
            Log.PollFencedOff(logger, account.Id, record.Lease.Owner, record.Lease.Epoch);
        }

        await write.CommitAsync(cancellationToken);
        return new PollWriteResult(posts.Inserted, posts.Edited, posts.Deleted, snapshot, LeaseLost: !held);
    }

    private static async Task<bool> HoldsLeaseAsync(WriteScope write, AccountLease lease, CancellationToken cancellationToken)
    {
        await using var command = write.Command("SELECT 1 FROM accounts WHERE id = $id AND lease_owner = $owner AND lease_epoch = $epoch;");
        command.Bind("$id", lease.Account.Id);
        command.Bind("$owner", lease.Owner);
        command.Bind("$epoch", lease.Epoch);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<int> CountPostsSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM posts WHERE account_id = $account AND published_at >= $since AND deleted_at IS NULL;";
        command.Bind("$account", accountId);
        command.Bind("$since", since);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT post_id, published_at FROM posts
            WHERE account_id = $account AND deleted_at IS NULL
            ORDER BY published_at DESC, post_id DESC
            LIMIT $limit;
            """;
        command.Bind("$account", accountId);
        command.Bind("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var posts = new List<KnownPost>();
        while (await reader.ReadAsync(cancellationToken))
        {
            posts.Add(new KnownPost(reader.GetString(0), reader.GetTime(1)));
        }

        return posts;
    }

    private static async Task InsertSnapshotAsync(WriteScope write, ActivitySnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var command = write.Command(InsertSnapshotSql);
        command.Bind("$account", snapshot.AccountId);
        command.Bind("$platform", snapshot.Platform);
        command.Bind("$captured", snapshot.CapturedAt);
        command.Bind("$status", snapshot.Status.ToWireName());
        command.Bind("$http", snapshot.HttpStatus);
        command.Bind("$new", snapshot.NewPosts);
        command.Bind("$seen", snapshot.SeenPosts);
        command.Bind("$followers", snapshot.Followers);
        command.Bind("$following", snapshot.Following);
        command.Bind("$total", snapshot.PostsTotal);
        command.Bind("$latest", snapshot.LatestPostAt);
        command.Bind("$duration", snapshot.DurationMs);
        command.Bind("$error", snapshot.Error);
        command.Bind("$notes", snapshot.Notes);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpdateAccountAsync(WriteScope write, PollRecord record, CancellationToken cancellationToken)
    {
        var result = record.Result;
        var success = result.Status.IsSuccess();
        var cursor = success ? result.Cursor : null;
        await using var command = write.Command(UpdateAccountSql);
        command.Bind("$account", record.Lease.Account.Id);
        command.Bind("$owner", record.Lease.Owner);
        command.Bind("$epoch", record.Lease.Epoch);
        command.Bind("$captured", record.CapturedAt);
        command.Bind("$next", record.NextPollAt);
        command.Bind("$failures", record.ConsecutiveFailures);
        command.Bind("$status", result.Status.ToWireName());
        command.Bind("$error", success ? null : result.Error);
        command.Bind("$success", success);
        command.Bind("$advance", cursor is not null);
        command.Bind("$etag", cursor?.ETag);
        command.Bind("$lastModified", cursor?.LastModified);
        command.Bind("$position", cursor?.Position);
        command.Bind("$externalId", cursor?.ExternalId);
        command.Bind("$platformCreated", result.Profile?.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
