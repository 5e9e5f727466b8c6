namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Group commit: polls that finish while the write gate is busy are written together, in one transaction, by whichever
/// of them gets the gate first. Each poll's cursor still commits with its own posts. When the group's transaction
/// fails nothing of it is kept, and every poll of the group is written again on its own, so one bad write fails only
/// its own poll and the others lose nothing.
/// </summary>
internal sealed partial class SqliteStore
{
    private const int MaxGroup = 32;
    private readonly Lock groupLock = new();
    private readonly List<PendingPoll> waitingPolls = [];
    private bool groupWriting;

    public async Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        if (!options.Value.GroupCommit)
        {
            return await RecordAloneAsync(record, cancellationToken);
        }

        var pending = new PendingPoll(record);
        bool lead;
        lock (groupLock)
        {
            waitingPolls.Add(pending);
            lead = !groupWriting;
            groupWriting = true;
        }

        if (lead)
        {
            await WriteGroupAsync();
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is waiting once the gate is free; hands what arrived meanwhile to the next group.</summary>
    private async Task WriteGroupAsync()
    {
        PendingPoll[] group = [];
        try
        {
            await using var write = await database.BeginWriteAsync(CancellationToken.None);
            group = TakeGroup();
            var written = new PollWriteResult[group.Length];
            for (var i = 0; i < group.Length; i++)
            {
                written[i] = await WritePollAsync(write, group[i].Record, CancellationToken.None);
            }

            await write.CommitAsync(CancellationToken.None);
            for (var i = 0; i < group.Length; i++)
            {
                group[i].Done.TrySetResult(written[i]);
            }
        }
        catch (Exception ex)
        {
            // Rolled back whole: each poll is written again alone, so only a poll whose own write fails sees it fail.
            group = group.Length > 0 ? group : TakeGroup();
            if (group.Length == 1)
            {
                group[0].Done.TrySetException(ex);
            }
            else
            {
                await RecordEachAloneAsync(group);
            }
        }

        lock (groupLock)
        {
            if (waitingPolls.Count == 0)
            {
                groupWriting = false;
                return;
            }
        }

        // More polls finished while this group was written: a pool thread writes them, so this poll's slot frees now.
        _ = Task.Run(WriteGroupAsync);
    }

    private async Task RecordEachAloneAsync(PendingPoll[] group)
    {
        foreach (var pending in group)
        {
            try
            {
                pending.Done.TrySetResult(await RecordAloneAsync(pending.Record, CancellationToken.None));
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private PendingPoll[] TakeGroup()
    {
        lock (groupLock)
        {
            var group = waitingPolls.Take(MaxGroup).ToArray();
            waitingPolls.RemoveRange(0, group.Length);
            return group;
        }
    }

    private sealed record PendingPoll(PollRecord Record)
    {
        public TaskCompletionSource<PollWriteResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
