namespace EdgeCompute.EdgeNode.Observability;

/// <summary>One queued update: what <paramref name="Code"/>, <paramref name="Value"/> and <paramref name="Ticks"/> mean is the target's.</summary>
internal readonly record struct MetricUpdate(IDeferredMetric Target, int Code, double Value, long Ticks);
