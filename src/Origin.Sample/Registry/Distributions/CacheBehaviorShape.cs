using System.Text.Json.Serialization;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>The node's <see cref="CacheBehaviorConfig"/> with the association type left open (see <see cref="DistributionShape{T}"/>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CacheBehaviorShape<TAssociation>
{
    public string? PathPattern { get; init; }
    public string? OriginId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AllowedMethods { get; init; }

    public bool ForwardHost { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CachePolicyConfig? CachePolicy { get; init; }

    public IReadOnlyDictionary<string, TAssociation> Functions { get; init; } = new Dictionary<string, TAssociation>();
}
