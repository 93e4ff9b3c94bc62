namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>The root of <c>config/edge.json</c>: what the operator writes, before validation.</summary>
public sealed record EdgeConfig
{
    /// <summary>Distributions, matched on the request's Host. One may be marked <c>default</c>.</summary>
    public IReadOnlyList<DistributionConfig> Distributions { get; init; } = [];

    /// <summary>Where function folders live, relative to the config file. Defaults to <c>functions</c>.</summary>
    public string FunctionsDirectory { get; init; } = "functions";

    /// <summary>Function settings by name; a folder's own <c>function.json</c> is read too.</summary>
    public IReadOnlyDictionary<string, FunctionSettingsConfig> Functions { get; init; } =
        new Dictionary<string, FunctionSettingsConfig>();
}
