namespace EdgeCompute.EdgeNode.Observability;

/// <summary>A metric whose updates are queued on the request's thread and applied by <see cref="DeferredMetrics"/>.</summary>
internal interface IDeferredMetric
{
    void Apply(in MetricUpdate update);
}
