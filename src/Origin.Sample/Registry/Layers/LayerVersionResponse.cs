using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Layers;

/// <summary>A layer version as the API returns it. Another account's layer shows no list of whom it is shared with.</summary>
internal sealed record LayerVersionResponse(
    string Name, int Version, string Arn, string CodeSha256, long CodeSize, string Description, string Visibility,
    IReadOnlyList<string> Accounts, DateTimeOffset Created)
{
    public static LayerVersionResponse From(LayerVersionRecord layer, string callerId) => new(
        layer.Name, layer.Version, layer.Arn, layer.CodeSha256, layer.CodeSize, layer.Description, layer.Visibility,
        layer.AccountId == callerId ? layer.Accounts : [], layer.Created);
}

/// <summary><c>GET /v1/layers</c>.</summary>
internal sealed record LayerListResponse(IReadOnlyList<LayerVersionResponse> Layers);

/// <summary><c>GET /v1/layers/{name}/versions</c>.</summary>
internal sealed record LayerVersionListResponse(IReadOnlyList<LayerVersionResponse> Versions);

/// <summary>The body of <c>PUT /v1/layers/{name}/versions/{v}/permission</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record LayerPermissionRequest
{
    public string? Visibility { get; init; }
    public List<string>? Accounts { get; init; }
}
