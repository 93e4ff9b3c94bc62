using System.Diagnostics;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// The wait between an invocation's timers, shared by both engines: sleep until the next timer is
/// due, unless the function's deadline comes first (then the timers outlived the timeout).
/// </summary>
internal static class TimerWait
{
    /// <summary>Sleeps <paramref name="waitMs"/>; false (after sleeping to the deadline) when the deadline comes first.</summary>
    public static bool SleepUntilDue(double waitMs, long deadline)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        if (left <= TimeSpan.FromMilliseconds(waitMs))
        {
            if (left > TimeSpan.Zero)
            {
                Thread.Sleep(left);
            }
            return false;
        }
        Thread.Sleep(TimeSpan.FromMilliseconds(waitMs));
        return true;
    }
}
