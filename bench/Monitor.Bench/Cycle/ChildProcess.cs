using System.Diagnostics;
using System.Globalization;

namespace Monitor.Bench.Cycle;

/// <summary>
/// Runs a child process, keeping its output and its peak resident set: Linux's VmHWM ("high water mark") in
/// /proc/PID/status is monotonic, so sampling it every few milliseconds and keeping the last value gives the peak.
/// </summary>
internal static class ChildProcess
{
    public static async Task<ChildRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        using var deadline = new CancellationTokenSource(timeout);
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, ReadHighWaterMarkKb(process.Id));
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeout}.");
            }
        }

        await process.WaitForExitAsync();
        clock.Stop();
        return new ChildRun(process.ExitCode, await output, await error, clock.Elapsed, peakKb / 1024.0);
    }

    private static long ReadHighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }

        return 0;
    }
}

/// <summary>What a child process did: exit code, output, wall time and peak RSS in MB.</summary>
internal sealed record ChildRun(int ExitCode, string Output, string Error, TimeSpan Wall, double PeakRssMb);
