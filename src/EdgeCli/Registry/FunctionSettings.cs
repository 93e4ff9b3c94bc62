using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The settings of a function the registry keeps (<c>POST</c>/<c>PATCH /v1/functions</c>): the
/// node's <c>FunctionSettingsConfig</c> members plus what only the registry knows (description,
/// environment, layers). A null member is not sent, so a <c>PATCH</c> changes only what was given.
/// </summary>
// Unknown members are errors: a typo in function.json must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FunctionSettings
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Runtime { get; init; }
    public string? Handler { get; init; }
    public string? Engine { get; init; }
    public int? MemorySize { get; init; }
    public double? Timeout { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
    public IReadOnlyList<string>? AllowedHosts { get; init; }
    public IReadOnlyList<string>? KeyValueStores { get; init; }
    public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>True when no member is set (nothing to send).</summary>
    [JsonIgnore]
    public bool IsEmpty => ToJson().Count == 0;

    /// <summary>The members that are set, camelCase, as the registry reads them.</summary>
    public JsonObject ToJson() => (JsonObject)JsonSerializer.SerializeToNode(this, Wire)!;
}
