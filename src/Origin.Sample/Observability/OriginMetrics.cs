using EdgeCompute.EdgeNode.Observability;
using Prometheus;

namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>
/// The regional origin's metrics, from its own registry's factory. Request children are resolved
/// once per route group and status class.
/// </summary>
internal sealed class OriginMetrics
{
    private readonly Counter _requests;
    private readonly Counter.Child?[] _requestChildren = new Counter.Child?[RouteGroups.Labels.Length * StatusClass.Labels.Length];

    public OriginMetrics(IMetricFactory factory)
    {
        _requests = factory.CreateCounter("origin_http_requests_total", "HTTP requests answered, by route group and status class.", ["route", "status"]);
        var batches = factory.CreateCounter("origin_usage_batches_total",
            "Usage batches reported by edge nodes: result=\"ingested\" (new) or \"duplicate\" (a batch id seen before, ignored).", ["result"]);
        BatchesIngested = batches.WithLabels("ingested");
        BatchesDuplicate = batches.WithLabels("duplicate");
        RecordsIngested = factory.CreateCounter("origin_usage_records_ingested_total", "Usage records in newly ingested batches.");
        Revision = factory.CreateGauge("origin_registry_revision", "The registry's revision (bumped by every change the nodes sync).");
        NodesConnected = factory.CreateGauge("origin_edge_nodes_connected",
            "Edge nodes seen polling within Metrics:NodeConnectedWithin (from node status, which lags by up to Registry:NodeStatusWriteInterval).");
        NodesCurrent = factory.CreateGauge("origin_edge_nodes_current", "Connected edge nodes serving the registry's current revision.");
    }

    public Counter.Child BatchesIngested { get; }
    public Counter.Child BatchesDuplicate { get; }
    public Counter RecordsIngested { get; }
    public Gauge Revision { get; }
    public Gauge NodesConnected { get; }
    public Gauge NodesCurrent { get; }

    public void RecordRequest(PathString path, int status)
    {
        var statusClass = StatusClass.Index(status);
        var group = RouteGroups.Index(path);
        var child = _requestChildren[group * StatusClass.Labels.Length + statusClass] ??= _requests.WithLabels(RouteGroups.Labels[group], StatusClass.Labels[statusClass]);
        child.Inc();
    }
}
