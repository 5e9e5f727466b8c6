using System.Runtime.CompilerServices;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Accounts, leases and schedule changes.</summary>
internal sealed partial class SqliteStore
{
    // A changed platform or handle is another feed: its old cursor (ETag, since-id) would skip or refuse its posts.
    private const string UpsertAccountSql = """
        INSERT INTO accounts (id, platform, handle, country, actor, name, language, enabled)
        VALUES ($id, $platform, $handle, $country, $actor, $name, $language, $enabled)
        ON CONFLICT (id) DO UPDATE SET
            platform = excluded.platform, handle = excluded.handle, country = excluded.country, actor = excluded.actor,
            name = excluded.name, language = excluded.language, enabled = excluded.enabled,
            cursor_etag = CASE WHEN platform = excluded.platform AND handle = excluded.handle THEN cursor_etag END,
            cursor_last_modified = CASE WHEN platform = excluded.platform AND handle = excluded.handle THEN cursor_last_modified END,
            cursor_position = CASE WHEN platform = excluded.platform AND handle = excluded.handle THEN cursor_position END,
            cursor_external_id = CASE WHEN platform = excluded.platform AND handle = excluded.handle THEN cursor_external_id END;
        """;

    // A claim's candidates of one platform in schedule order, as two ranges of ix_accounts_claim (platform, next_poll_at,
    // id, then the filtered columns, so refused rows are judged from the index alone): the never-scheduled accounts
    // (next_poll_at NULL sorts first) by id, then those due by $due by (next_poll_at, id). $due is the claim's now, or
    // the largest integer when the schedule is ignored. See ClaimCandidates. Read and leased inside one IMMEDIATE
    // transaction, so no two owners (threads, processes) get the same account. A live lease is never taken; an expired
    // one is (its holder's writes are then fenced off by the new epoch).
    private const string CandidateFilters = """
          AND enabled = 1
          AND (last_status IS NULL OR last_status <> 'identityChanged')
          AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= $now)
          AND ($accountId IS NULL OR id = $accountId)
          AND ($polledBefore IS NULL OR last_poll_at IS NULL OR last_poll_at < $polledBefore)
        """;

    internal const string NeverScheduledSql = $"""
        SELECT {SqliteRows.AccountColumns} FROM accounts INDEXED BY ix_accounts_claim
        WHERE platform = $platform AND next_poll_at IS NULL
        {CandidateFilters}
        ORDER BY id
        LIMIT $limit;
        """;

    internal const string ScheduledSql = $"""
        SELECT {SqliteRows.AccountColumns} FROM accounts INDEXED BY ix_accounts_claim
        WHERE platform = $platform AND next_poll_at <= $due
        {CandidateFilters}
        ORDER BY next_poll_at, id
        LIMIT $limit;
        """;

    // The platforms with accounts, one index seek each (a loose index scan: https://sqlite.org/lang_with.html). A plain
    // SELECT DISTINCT skips ahead only with ANALYZE statistics, which Monitor does not keep; without them it reads every
    // account's index entry, O(accounts) per claim.
    internal const string PlatformsSql = """
        WITH RECURSIVE platforms(platform) AS (
          SELECT min(platform) FROM accounts INDEXED BY ix_accounts_claim
          UNION ALL
          SELECT (SELECT min(a.platform) FROM accounts a INDEXED BY ix_accounts_claim WHERE a.platform > platforms.platform)
          FROM platforms WHERE platforms.platform IS NOT NULL)
        SELECT platform FROM platforms WHERE platform IS NOT NULL;
        """;

    private const string LeaseSql = $"""
        UPDATE accounts SET lease_owner = $owner, lease_expires_at = $expires, lease_epoch = lease_epoch + 1
        WHERE id IN (SELECT value FROM json_each($ids))
        RETURNING {SqliteRows.AccountColumns};
        """;

    public async Task SyncAccountsAsync(IReadOnlyCollection<TrackedAccount> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var stored = new Dictionary<string, TrackedAccount>(StringComparer.Ordinal);
        await using (var list = write.Command($"SELECT {SqliteRows.AccountColumns} FROM accounts;"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = SqliteRows.ReadAccount(reader);
                stored[record.Account.Id] = record.Account;
            }
        }

        int added = 0, updated = 0, disabled = 0;
        var configured = new HashSet<string>(StringComparer.Ordinal);
        await using (var upsert = write.Command(UpsertAccountSql))
        {
            var parameters = new[] { "$id", "$platform", "$handle", "$country", "$actor", "$name", "$language", "$enabled" }
                .Select(name => upsert.Bind(name, null)).ToArray();
            foreach (var account in accounts)
            {
                configured.Add(account.Id);
                var known = stored.GetValueOrDefault(account.Id);
                if (known == account)
                {
                    continue;
                }

                object?[] values = [account.Id, account.Platform, account.Handle, account.Country, account.Actor.ToString(),
                    account.Name, account.Language, account.Enabled];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Set(values[i]);
                }

                await upsert.ExecuteNonQueryAsync(cancellationToken);
                if (known is null)
                {
                    added++;
                }
                else
                {
                    updated++;
                }
            }
        }

        await using (var disable = write.Command("UPDATE accounts SET enabled = 0 WHERE id = $id AND enabled = 1;"))
        {
            var id = disable.Bind("$id", null);
            foreach (var gone in stored.Keys.Where(key => !configured.Contains(key)))
            {
                id.Set(gone);
                disabled += await disable.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await write.CommitAsync(cancellationToken);
        Log.AccountsSynced(logger, added, updated, disabled);
    }

    public async Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteRows.AccountColumns} FROM accounts ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AccountRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(SqliteRows.ReadAccount(reader));
        }

        return records;
    }

    public async Task<IReadOnlyList<AccountLease>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxCount <= 0)
        {
            return [];
        }

        var leases = new List<AccountLease>();
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            var picked = await PickAsync(write, request, cancellationToken);
            if (picked.Count > 0)
            {
                await using var lease = write.Command(LeaseSql);
                lease.Bind("$owner", request.Owner);
                lease.Bind("$expires", request.Now + request.LeaseDuration);
                lease.Bind("$ids", System.Text.Json.JsonSerializer.Serialize(picked.ToArray(), SqliteJsonContext.Default.StringArray));
                await using var reader = await lease.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    leases.Add(SqliteRows.ReadLease(reader));
                }
            }

            await write.CommitAsync(cancellationToken);
        }

        Log.AccountsClaimed(logger, request.Owner, leases.Count);

        // RETURNING gives rows in no defined order; hand them out in schedule order.
        return leases
            .OrderBy(lease => lease.State.NextPollAt ?? DateTimeOffset.MinValue)
            .ThenBy(lease => lease.Account.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The ids of the first due accounts, in schedule order, that <see cref="ClaimRequest.CanStart"/> accepts: one
    /// candidate stream per platform that is not full, merged by <see cref="ClaimCandidates"/>, so a full platform's due
    /// accounts are never read and a claim's cost does not grow with the number of accounts.
    /// </summary>
    private static async Task<List<string>> PickAsync(WriteScope write, ClaimRequest request, CancellationToken cancellationToken)
    {
        var platforms = new List<string>();
        await using (var command = write.Command(PlatformsSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                platforms.Add(reader.GetString(0));
            }
        }

        var picked = await ClaimCandidates.PickAsync(platforms, platform => CandidatesAsync(write, request, platform, cancellationToken), request, cancellationToken);
        return picked.Select(account => account.Id).ToList();
    }

    private static async IAsyncEnumerable<ClaimCandidate> CandidatesAsync(
        WriteScope write, ClaimRequest request, string platform, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var sql in new[] { NeverScheduledSql, ScheduledSql })
        {
            await using var command = write.Command(sql);
            command.Bind("$platform", platform);
            command.Bind("$now", request.Now);
            command.Bind("$accountId", request.AccountId);
            command.Bind("$polledBefore", request.PolledBefore);
            command.Bind("$limit", ClaimCandidates.MaxScanned);
            if (sql == ScheduledSql)
            {
                command.Bind("$due", request.IgnoreSchedule ? long.MaxValue : request.Now.ToUnixTimeMilliseconds());
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = SqliteRows.ReadAccount(reader);
                yield return new ClaimCandidate(record.Account, record.State.NextPollAt);
            }
        }
    }

    public Task ReleaseAsync(AccountLease lease, CancellationToken cancellationToken) =>
        WriteAsync(
            "UPDATE accounts SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $id AND lease_owner = $owner AND lease_epoch = $epoch;",
            [("$id", lease.Account.Id), ("$owner", lease.Owner), ("$epoch", lease.Epoch)],
            cancellationToken);

    public async Task<AccountLease?> RenewLeaseAsync(AccountLease lease, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var expires = now + duration;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await using var command = write.Command(
            "UPDATE accounts SET lease_expires_at = $expires WHERE id = $id AND lease_owner = $owner AND lease_epoch = $epoch;");
        command.Bind("$expires", expires);
        command.Bind("$id", lease.Account.Id);
        command.Bind("$owner", lease.Owner);
        command.Bind("$epoch", lease.Epoch);
        var renewed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        await write.CommitAsync(cancellationToken);
        return renewed ? lease with { ExpiresAt = PostMerge.ToMilliseconds(expires)!.Value } : null;
    }

    public Task DeferPlatformAsync(string platform, DateTimeOffset until, CancellationToken cancellationToken) =>
        WriteAsync(
            "UPDATE accounts SET next_poll_at = $until WHERE platform = $platform AND (next_poll_at IS NULL OR next_poll_at < $until);",
            [("$platform", platform), ("$until", until)],
            cancellationToken);

    public async Task<bool> ConfirmIdentityAsync(string accountId, string? stableId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await using var command = write.Command("""
            UPDATE accounts SET
                cursor_etag = NULL, cursor_last_modified = NULL, cursor_position = NULL, cursor_external_id = $externalId,
                last_status = NULL, last_error = NULL, consecutive_failures = 0, next_poll_at = $now
            WHERE id = $id AND last_status = 'identityChanged';
            """);
        command.Bind("$id", accountId);
        command.Bind("$externalId", stableId);
        command.Bind("$now", now);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return changed == 1;
    }

    private async Task WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await using var command = write.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
    }
}
