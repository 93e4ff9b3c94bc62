using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>One distribution's origin-duration child, observed when the queue is applied (<see cref="DeferredMetrics"/>).</summary>
internal sealed class OriginDurationMetric : IDeferredMetric
{
    private readonly Histogram.Child _histogram;
    private readonly DeferredMetrics _deferred;

    public OriginDurationMetric(Histogram.Child histogram, DeferredMetrics deferred)
    {
        _histogram = histogram;
        _deferred = deferred;
    }

    public void Record(TimeSpan elapsed) => _deferred.Add(new MetricUpdate(this, 0, elapsed.TotalSeconds, 0));

    /// <summary>Value: the origin's time in seconds.</summary>
    public void Apply(in MetricUpdate update) => _histogram.Observe(update.Value);
}
