namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Lambda's billing rule for one invocation's duration: rounded up to the granularity, at least one
/// unit. Computed on ticks, so that exactly 100 ms at 100 ms granularity is 100, never 200 through
/// a floating-point remainder.
/// </summary>
internal static class BilledDuration
{
    /// <summary>
    /// <c>ceil(duration / granularity) × granularity</c> in milliseconds, at least <paramref name="granularityMs"/>:
    /// code that ran is billed even when it took less than the clock can tell.
    /// </summary>
    public static long Milliseconds(TimeSpan duration, int granularityMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(granularityMs);
        var unit = granularityMs * TimeSpan.TicksPerMillisecond;
        var ticks = Math.Max(0, duration.Ticks);
        var units = Math.Max(1, (ticks + unit - 1) / unit);
        return units * granularityMs;
    }
}
