using Microsoft.Extensions.Time.Testing;

namespace Monitor.Testing;

/// <summary>A fake clock that reports when a timer with a given due time is created (a Polly retry delay).</summary>
public sealed class TimerWatchingTimeProvider(TimeSpan watchedDueTime) : FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))
{
    private readonly TaskCompletionSource created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task TimerCreated => created.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watchedDueTime)
        {
            created.TrySetResult();
        }

        return timer;
    }
}
