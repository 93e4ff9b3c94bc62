namespace EdgeCompute.EdgeNode.Regional;

/// <summary>One key-value store of a <see cref="RegionalSnapshot"/>, contents included.</summary>
internal sealed record RegionalKeyValueStore
{
    /// <summary>The store's id (a UUID), as functions' <c>keyValueStores</c> settings name it.</summary>
    public string? Id { get; init; }

    /// <summary>The registry's version of the store (informational: the node hashes the contents).</summary>
    public long Version { get; init; }

    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
