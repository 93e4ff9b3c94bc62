using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Holds the current snapshot. Swapped whole through a volatile field: a request reads it once and
/// keeps that one; a reload only affects requests that start after it.
/// </summary>
public sealed class EdgeSnapshotProvider
{
    private volatile EdgeSnapshot _current;

    public EdgeSnapshotProvider(EdgeSnapshot initial)
    {
        _current = initial;
    }

    public EdgeSnapshot Current => _current;

    public event Action<EdgeSnapshot>? Changed;

    public void Swap(EdgeSnapshot snapshot)
    {
        _current = snapshot;
        Changed?.Invoke(snapshot);
    }
}
