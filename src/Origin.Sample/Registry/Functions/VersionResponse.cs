using System.Globalization;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>A published version as the API returns it: its number (a string, as Lambda's), code and frozen settings.</summary>
internal sealed record VersionResponse(
    string Version, string CodeSha256, long CodeSize, string Description, string Runtime, string Handler, string Engine,
    int MemorySize, double Timeout, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> AllowedHosts,
    IReadOnlyList<string> KeyValueStores, IReadOnlyList<string> Layers, DateTimeOffset LastModified)
{
    public static VersionResponse From(VersionRecord v) => new(
        v.Version.ToString(CultureInfo.InvariantCulture), v.CodeSha256, v.CodeSize, v.Description, v.Settings.Runtime,
        v.Settings.Handler, v.Settings.Engine, v.Settings.MemorySize, v.Settings.Timeout, v.Settings.Environment,
        v.Settings.AllowedHosts, v.Settings.KeyValueStores, v.Settings.Layers, v.Created);
}

/// <summary><c>GET /v1/functions/{name}/versions</c>.</summary>
internal sealed record VersionListResponse(IReadOnlyList<VersionResponse> Versions);

/// <summary>The body of <c>POST /v1/functions/{name}/versions</c>.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
internal sealed record PublishRequest
{
    public string? Description { get; init; }
}
