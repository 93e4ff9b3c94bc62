using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>A load either yields a snapshot or the full list of what is wrong — never half of each.</summary>
public sealed record ConfigLoadResult(EdgeSnapshot? Snapshot, IReadOnlyList<ConfigError> Errors)
{
    public bool Succeeded => Snapshot is not null;
}
