using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// One histogram series of durations, counted on the request path and handed to its prometheus-net
/// child before each collection. prometheus-net's <c>Observe</c> finds the bucket with 256-bit AVX
/// whenever the CPU has it; faster in a loop, it cost a loaded node about 1 % more CPU per
/// trivial-function request than this scalar search and short lock (benchmarks/load/README.md,
/// "Metrics: the histograms"). The exported series is the same.
/// </summary>
/// <remarks>
/// <see cref="Flush"/> observes, per bucket, the mean of the values counted in it since the last flush,
/// weighted by their number. A mean of values lies between the smallest and the largest of them, so it
/// falls in their bucket, and mean × count is their sum: the child's bucket counts, count and sum are
/// those it would have had from one <c>Observe</c> per value. The lock keeps a bucket's count and sum
/// together, so that a flush never takes one without the other.
/// </remarks>
internal sealed class BufferedHistogram
{
    private readonly Histogram.Child _target;
    private readonly double[] _upperBounds;
    private readonly long[] _counts;
    private readonly long[] _ticks;
    private readonly Lock _lock = new();

    /// <param name="target">The series the observations are exported as.</param>
    /// <param name="upperBounds">The target's bucket bounds in seconds, ascending, as given to its histogram (+Inf is added).</param>
    public BufferedHistogram(Histogram.Child target, ReadOnlySpan<double> upperBounds)
    {
        _target = target;
        _upperBounds = double.IsPositiveInfinity(upperBounds[^1]) ? upperBounds.ToArray() : [.. upperBounds, double.PositiveInfinity];
        _counts = new long[_upperBounds.Length];
        _ticks = new long[_upperBounds.Length];
    }

    public void Observe(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        // A linear scan, as prometheus-net's own fallback: request-path durations fall in the first few
        // buckets. The last bound is +Inf, so the scan stops there at the latest.
        var bucket = 0;
        while (seconds > _upperBounds[bucket])
        {
            bucket++;
        }
        lock (_lock)
        {
            _counts[bucket]++;
            _ticks[bucket] += duration.Ticks;
        }
    }

    /// <summary>Hands what was counted since the last flush to the prometheus-net child.</summary>
    public void Flush()
    {
        Span<long> counts = stackalloc long[_counts.Length];
        Span<long> ticks = stackalloc long[_ticks.Length];
        lock (_lock)
        {
            _counts.CopyTo(counts);
            _ticks.CopyTo(ticks);
            Array.Clear(_counts);
            Array.Clear(_ticks);
        }
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                // In the same double arithmetic as TimeSpan.TotalSeconds, so that the mean stays within the
                // bucket's values even when they all sit on its upper bound.
                _target.Observe((double)ticks[i] / counts[i] / TimeSpan.TicksPerSecond, counts[i]);
            }
        }
    }
}
