using System.Runtime.InteropServices;

/// <summary>The process's user + system CPU time (all threads) from getrusage(2), to the microsecond.</summary>
internal static class CpuTime
{
    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || getrusage(0, out var usage) != 0)
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    // struct rusage on 64-bit Linux: two timevals (ru_utime, ru_stime), then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long Rest0, Rest1, Rest2, Rest3, Rest4, Rest5, Rest6, Rest7, Rest8, Rest9, Rest10, Rest11, Rest12, Rest13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Usage usage);
}
