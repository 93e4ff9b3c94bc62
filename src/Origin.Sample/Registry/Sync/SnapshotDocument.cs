using System.Text.Json.Serialization;
using EdgeCompute.Origin.Sample.Registry.Distributions;

namespace EdgeCompute.Origin.Sample.Registry.Sync;

/// <summary>What <c>GET /v1/edge/snapshot</c> sends: every distribution, the function versions they run, and their key-value stores.</summary>
internal sealed record SnapshotDocument(
    long Revision,
    IReadOnlyList<DistributionShape<SnapshotAssociation>> Distributions,
    IReadOnlyDictionary<string, SnapshotFunction> Functions,
    IReadOnlyList<SnapshotKeyValueStore> KeyValueStores);

/// <summary>A resolved association: a function folder, and for a weighted alias where the other share goes.</summary>
internal sealed record SnapshotAssociation(
    string Name,
    bool IncludeBody,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SnapshotRouting? Routing);

/// <summary>The node sends <see cref="Weight"/> of invocations to <see cref="Name"/>, the rest to the association's own.</summary>
internal sealed record SnapshotRouting(string Name, double Weight);

/// <summary>A function folder: its settings (the node's FunctionSettingsConfig), code zip and layer zips by SHA-256.</summary>
internal sealed record SnapshotFunction(SnapshotFunctionSettings Settings, string Code, IReadOnlyList<string> Layers);

/// <summary>Exactly members of the node's FunctionSettingsConfig; <c>environment</c> only when there is one.</summary>
internal sealed record SnapshotFunctionSettings(
    string Runtime,
    string Handler,
    int MemorySize,
    double Timeout,
    string Engine,
    IReadOnlyList<string> AllowedHosts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Environment,
    IReadOnlyList<string> KeyValueStores,
    SnapshotIdentity Identity);

/// <summary>What the function sees as its name, version and account (context, ARN, environment, logs), not its folder name.</summary>
internal sealed record SnapshotIdentity(string Account, string Name, string Version);

/// <summary>A key-value store's whole contents, by its id (a uuid).</summary>
internal sealed record SnapshotKeyValueStore(string Id, long Version, IReadOnlyDictionary<string, string> Data);
