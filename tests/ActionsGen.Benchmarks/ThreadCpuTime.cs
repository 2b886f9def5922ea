using System.Diagnostics;

namespace ActionsGen.Benchmarks;

/// <summary>The calling thread's CPU time: time spent descheduled on a shared machine does not count.</summary>
internal static class ThreadCpuTime
{
    public static long Nanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);
        }

        ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time);
        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
