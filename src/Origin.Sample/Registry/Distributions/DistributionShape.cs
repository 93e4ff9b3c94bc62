using System.Text.Json.Serialization;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>
/// The node's <see cref="DistributionConfig"/>, member for member, with the function association
/// left open: the API takes qualified bindings (<see cref="FunctionBinding"/>), the snapshot sends
/// resolved folders (<see cref="Sync.SnapshotAssociation"/>). Origins and cache policies are the
/// node's own records, so they can never drift apart.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal record DistributionShape<TAssociation>
{
    public string? Id { get; init; }
    public string? DomainName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public bool Default { get; init; }
    public IReadOnlyList<OriginConfig> Origins { get; init; } = [];
    public IReadOnlyList<CacheBehaviorShape<TAssociation>> CacheBehaviors { get; init; } = [];
    public bool RunViewerResponseOnErrors { get; init; }
}
