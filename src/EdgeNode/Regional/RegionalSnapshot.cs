using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// The registry's snapshot document (<c>GET /v1/edge/snapshot</c>, docs/registry-contract.md): every
/// distribution a node serves, the function versions they bind with their code and layer bundles,
/// and the key-value stores those functions read. Members the node does not know are ignored, so
/// that a newer registry can add some; the distributions and settings inside are the node's own
/// config records, as strict as in edge.json.
/// </summary>
internal sealed record RegionalSnapshot
{
    public long Revision { get; init; }

    public IReadOnlyList<DistributionConfig> Distributions { get; init; } = [];

    /// <summary>By folder name, <c>{account}.{function}.{version}</c>.</summary>
    public IReadOnlyDictionary<string, RegionalFunction> Functions { get; init; } = new Dictionary<string, RegionalFunction>();

    public IReadOnlyList<RegionalKeyValueStore> KeyValueStores { get; init; } = [];

    /// <summary>
    /// The functions some cache behaviour runs (by name or as a weighted alias's other version). Only
    /// these are materialised: an unbound entry would be a config error ("settings for a function
    /// which no cache behaviour uses") for no reason a node operator could fix.
    /// </summary>
    public IReadOnlyDictionary<string, RegionalFunction> BoundFunctions()
    {
        var bound = new Dictionary<string, RegionalFunction>(StringComparer.Ordinal);
        var names = Distributions.SelectMany(d => d.CacheBehaviors).SelectMany(b => b.Functions.Values)
            .SelectMany(a => new[] { a.Name, a.Routing?.Name });
        foreach (var name in names)
        {
            if (name is not null && Functions.TryGetValue(name, out var function))
            {
                bound.TryAdd(name, function);
            }
        }
        return bound;
    }

    /// <summary>The SHA-256 of every code and layer bundle the bound functions need, lower-case hex.</summary>
    public IReadOnlySet<string> Bundles() =>
        BoundFunctions().Values.SelectMany(f => f.Layers.Prepend(f.Code)).OfType<string>()
            .Select(h => h.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
