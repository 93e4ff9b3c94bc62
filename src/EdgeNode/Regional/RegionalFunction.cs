using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>One function version of a <see cref="RegionalSnapshot"/>: its settings and the bundles that make its folder.</summary>
internal sealed record RegionalFunction
{
    /// <summary>Exactly the node's function settings (edge.json's <c>functions</c> map).</summary>
    public FunctionSettingsConfig Settings { get; init; } = new();

    /// <summary>SHA-256 of the code zip.</summary>
    public string? Code { get; init; }

    /// <summary>SHA-256 of each layer zip, in the order they apply (a later layer's file wins).</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
}
