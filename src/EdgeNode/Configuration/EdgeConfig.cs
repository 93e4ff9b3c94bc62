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

    /// <summary>CloudFront key-value stores: <c>[{"id": "...", "file": "kvs/NAME.json"}]</c>, files relative to the config file.</summary>
    public IReadOnlyList<KeyValueStoreConfig> KeyValueStores { get; init; } = [];
}

/// <summary>One key-value store of the config.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record KeyValueStoreConfig
{
    public string? Id { get; init; }
    public string? File { get; init; }
}
