namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>
/// A function's settings, as <c>$LATEST</c> holds them and as a version freezes them. Stored as JSON,
/// so adding a setting needs no schema migration.
/// </summary>
internal sealed record FunctionSettings
{
    public string Runtime { get; init; } = "nodejs20.x";
    public string Handler { get; init; } = "index.handler";
    public string Engine { get; init; } = "v8";
    public int MemorySize { get; init; } = 128;

    /// <summary>5 s, the viewer events' limit, so a new function can be bound to any event.</summary>
    public double Timeout { get; init; } = 5;

    public string Description { get; init; } = "";
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Names of the account's key-value stores (the snapshot turns them into ids).</summary>
    public IReadOnlyList<string> KeyValueStores { get; init; } = [];

    /// <summary>Layer version ARNs, applied in order.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    public bool IsCloudFrontFunction => Runtime.StartsWith("cloudfront-js-", StringComparison.Ordinal);

    /// <summary>Whether two settings would run the same way; the description does not count.</summary>
    public bool SameBehaviourAs(FunctionSettings other) =>
        Runtime == other.Runtime && Handler == other.Handler && Engine == other.Engine &&
        MemorySize == other.MemorySize && Timeout.Equals(other.Timeout) &&
        Environment.Count == other.Environment.Count && Environment.All(e => other.Environment.TryGetValue(e.Key, out var v) && v == e.Value) &&
        AllowedHosts.SequenceEqual(other.AllowedHosts) && KeyValueStores.SequenceEqual(other.KeyValueStores) &&
        Layers.SequenceEqual(other.Layers);
}
