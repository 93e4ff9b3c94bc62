using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.KeyValueStores;

/// <summary>A key-value store as the API returns it.</summary>
internal sealed record KeyValueStoreResponse(
    string Name, string Id, string Comment, long Version, int ItemCount, long TotalBytes, DateTimeOffset LastModified)
{
    public static KeyValueStoreResponse From(KeyValueStoreRecord s) =>
        new(s.Name, s.Id, s.Comment, s.Version, s.ItemCount, s.TotalBytes, s.LastModified);
}

/// <summary><c>GET /v1/kvs</c>.</summary>
internal sealed record KeyValueStoreListResponse(IReadOnlyList<KeyValueStoreResponse> Stores);

/// <summary>One item; also the body of <c>PUT …/keys/{key}</c> (only <see cref="Value"/>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record KeyValueItem
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    public string? Value { get; init; }
}

/// <summary><c>GET /v1/kvs/{name}/keys</c>.</summary>
internal sealed record KeyValueItemListResponse(IReadOnlyList<KeyValueItem> Items);

/// <summary>The body of <c>POST /v1/kvs</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CreateKeyValueStoreRequest
{
    public string? Name { get; init; }
    public string? Comment { get; init; }
}
