using EdgeCompute.Origin.Sample.Registry.Sync;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface INodeRepository
{
    Task RecordAsync(NodeStatus status, CancellationToken cancellationToken);

    Task<IReadOnlyList<NodeStatus>> ListAsync(CancellationToken cancellationToken);
}
