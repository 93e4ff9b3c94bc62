namespace EdgeCompute.Origin.Sample.Registry.KeyValueStores;

/// <summary>A key-value store's metadata; its items are read separately.</summary>
internal sealed record KeyValueStoreRecord(
    string AccountId,
    string Name,
    string Id,
    string Comment,
    long Version,
    int ItemCount,
    long TotalBytes,
    DateTimeOffset LastModified);
