using EdgeCompute.Origin.Sample.Registry.Storage;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>The registry's revision and the nodes' status, read from the database at scrape time.</summary>
internal sealed class RegistryStateMetrics(IRegistryStore store, OriginMetrics metrics, IOptions<OriginMetricsOptions> options, TimeProvider time)
{
    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var revision = await session.GetRevisionAsync(cancellationToken);
        var nodes = await session.Nodes.ListAsync(cancellationToken);
        var since = time.GetUtcNow() - options.Value.NodeConnectedWithin;
        var connected = nodes.Where(n => n.LastSeen >= since).ToList();
        metrics.Revision.Set(revision);
        metrics.NodesConnected.Set(connected.Count);
        metrics.NodesCurrent.Set(connected.Count(n => n.Revision == revision));
    }
}
