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

    // Candidates in schedule order (SQLite sorts NULLs first: never-polled accounts go first), read and leased inside
    // one IMMEDIATE transaction, so no two owners (threads, processes) get the same account. A live lease is never
    // taken; an expired one is (its holder's writes are then fenced off by the new epoch).
    private const string CandidatesSql = $"""
        SELECT {SqliteRows.AccountColumns} FROM accounts
        WHERE enabled = 1
          AND (last_status IS NULL OR last_status <> 'identityChanged')
          AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= $now)
          AND ($ignoreSchedule = 1 OR next_poll_at IS NULL OR next_poll_at <= $now)
          AND ($accountId IS NULL OR id = $accountId)
          AND ($polledBefore IS NULL OR last_poll_at IS NULL OR last_poll_at < $polledBefore)
          AND platform NOT IN (SELECT value FROM json_each($fullPlatforms))
        ORDER BY next_poll_at, id
        LIMIT $limit OFFSET $offset;
        """;

    private const string LeaseSql = $"""
        UPDATE accounts SET lease_owner = $owner, lease_expires_at = $expires, lease_epoch = lease_epoch + 1
        WHERE id IN (SELECT value FROM json_each($ids))
        RETURNING {SqliteRows.AccountColumns};
        """;

    // How many due accounts one claim looks at for ones that can start now (their host and platform have a free slot).
    private const int CandidatePage = 128;
    private const int MaxCandidatesScanned = 1024;

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
    /// The ids of the first due accounts, in schedule order, that <see cref="ClaimRequest.CanStart"/> accepts. When a
    /// platform fills up during the pick, the candidates are read again without it (from the start; accounts already
    /// asked about are skipped: a refusal stands, slots only fill during a claim), so the rest of a full platform's due
    /// accounts are never read.
    /// </summary>
    private static async Task<List<string>> PickAsync(WriteScope write, ClaimRequest request, CancellationToken cancellationToken)
    {
        var picked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var candidates = write.Command(CandidatesSql);
        candidates.Bind("$now", request.Now);
        candidates.Bind("$ignoreSchedule", request.IgnoreSchedule);
        candidates.Bind("$accountId", request.AccountId);
        candidates.Bind("$polledBefore", request.PolledBefore);
        var fullPlatforms = candidates.Bind("$fullPlatforms", "[]");
        // A few candidates per slot: enough to step over accounts of full hosts without reading a page per free slot.
        var page = request.CanStart is null ? request.MaxCount : Math.Clamp(request.MaxCount * 4, 16, CandidatePage);
        candidates.Bind("$limit", page);
        var offset = candidates.Bind("$offset", 0);
        for (int scanned = 0, position = 0; picked.Count < request.MaxCount && scanned < MaxCandidatesScanned;)
        {
            var full = request.FullPlatforms.Count;
            fullPlatforms.Set(System.Text.Json.JsonSerializer.Serialize(request.FullPlatforms.ToArray(), SqliteJsonContext.Default.StringArray));
            offset.Set(position);
            var rows = 0;
            var filled = false;
            await using (var reader = await candidates.ExecuteReaderAsync(cancellationToken))
            {
                while (picked.Count < request.MaxCount && !filled && await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    var account = SqliteRows.ReadAccount(reader).Account;
                    if (!seen.Add(account.Id))
                    {
                        continue;
                    }

                    if (request.CanStart?.Invoke(account) ?? true)
                    {
                        picked.Add(account.Id);
                    }

                    filled = request.FullPlatforms.Count != full;
                }
            }

            scanned += rows;
            position = filled ? 0 : position + rows;
            if (!filled && (request.CanStart is null || rows < page))
            {
                break;
            }
        }

        return picked;
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
