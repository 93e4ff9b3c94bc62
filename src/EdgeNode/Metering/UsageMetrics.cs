using Prometheus;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>The spool's metrics, created from the node's metric factory (one registry per node, no static state).</summary>
internal sealed class UsageMetrics
{
    public UsageMetrics(IMetricFactory factory)
    {
        RecordsDropped = factory.CreateCounter("edge_usage_records_dropped_total",
            "Usage records not spooled: the spool was at Metering:MaxSpoolBytes, or the disk refused the write.");
        SpoolBytes = factory.CreateGauge("edge_usage_spool_bytes",
            "Bytes of usage records on disk that the regional origin has not acknowledged yet (open and sealed segments).");
    }

    public Counter RecordsDropped { get; }

    public Gauge SpoolBytes { get; }
}
