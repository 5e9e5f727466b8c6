using System.Diagnostics;
using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// Runs mutated cases through one parser on a background thread while a watchdog enforces a per-case time limit,
/// and records every exception that is not the documented <see cref="PayloadFormatException"/>.
/// </summary>
internal sealed class FuzzRun(Action<byte[]> parse, TimeSpan caseTimeout, long maxCaseAllocation)
{
    private long caseStarted;
    private int currentCase = -1;

    /// <summary>Cases that threw an undocumented exception or allocated too much: case number and what happened.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Most bytes one case allocated.</summary>
    public long MaxAllocated { get; private set; }

    public async Task RunAsync(byte[] valid, int seed, int cases, CancellationToken cancellationToken)
    {
        var worker = Task.Factory.StartNew(() => RunCases(valid, seed, cases), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!worker.IsCompleted)
        {
            await Task.WhenAny(worker, Task.Delay(100, cancellationToken));
            var started = Volatile.Read(ref caseStarted);
            if (!worker.IsCompleted && started != 0 && Stopwatch.GetElapsedTime(started) > caseTimeout)
            {
                // The worker thread cannot be stopped; fail loudly with the case that hangs (it is reproducible).
                throw new TimeoutException($"Case {Volatile.Read(ref currentCase)} (seed {seed}) ran longer than {caseTimeout}.");
            }
        }

        await worker;
    }

    private void RunCases(byte[] valid, int seed, int cases)
    {
        var mutator = new PayloadMutator(seed);
        for (var i = 0; i < cases; i++)
        {
            var body = mutator.Mutate(valid);
            Volatile.Write(ref currentCase, i);
            Volatile.Write(ref caseStarted, Stopwatch.GetTimestamp());
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                parse(body);
            }
            catch (PayloadFormatException)
            {
            }
            catch (Exception ex)
            {
                Failures.Add($"case {i}: {ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace?.Split('\n').FirstOrDefault()}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            MaxAllocated = Math.Max(MaxAllocated, allocated);
            if (allocated > maxCaseAllocation)
            {
                Failures.Add($"case {i}: allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
            }
        }

        Volatile.Write(ref caseStarted, 0);
    }
}
