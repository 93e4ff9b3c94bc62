using System.Collections.Concurrent;
using EdgeCompute.Origin.Sample.Registry.Storage;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Sync;

/// <summary>
/// Records what each polling node serves. Every poll would otherwise be a write, and writes queue
/// behind one lock with deploys; so a node's row is written only when its revision changes or the
/// last write is older than <see cref="RegistryOptions.NodeStatusWriteInterval"/>. <c>lastSeen</c>
/// in <c>GET /v1/nodes</c> may lag by that much; <c>revision</c> and <c>current</c> never do.
/// One per process: each registry instance throttles only its own writes.
/// </summary>
internal sealed class NodeStatusRecorder(IRegistryStore store, IOptions<RegistryOptions> options)
{
    // What this process last wrote per node; nodes are few (node-key holders), so it stays small.
    private readonly ConcurrentDictionary<string, NodeStatus> _written = new(StringComparer.Ordinal);

    public async Task RecordAsync(NodeStatus status, CancellationToken cancellationToken)
    {
        if (_written.TryGetValue(status.NodeId, out var last) && last.Revision == status.Revision &&
            status.LastSeen - last.LastSeen < options.Value.NodeStatusWriteInterval)
        {
            return;
        }
        await using (var session = await store.BeginAsync(write: true, cancellationToken))
        {
            await session.Nodes.RecordAsync(status, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        _written[status.NodeId] = status;
    }
}
