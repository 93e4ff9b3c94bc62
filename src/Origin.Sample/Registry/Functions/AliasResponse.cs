using System.Globalization;
using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>An alias as the API returns it and takes it (<c>PUT …/aliases/{alias}</c>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AliasDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    public string? FunctionVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AliasRoutingConfig? RoutingConfig { get; init; }

    public string? Description { get; init; }

    public static AliasDocument From(AliasRecord alias) => new()
    {
        Name = alias.Name,
        FunctionVersion = alias.FunctionVersion.ToString(CultureInfo.InvariantCulture),
        RoutingConfig = alias.AdditionalVersion is { } extra
            ? new AliasRoutingConfig { AdditionalVersionWeights = new() { [extra.ToString(CultureInfo.InvariantCulture)] = alias.AdditionalWeight ?? 0 } }
            : null,
        Description = alias.Description,
    };
}

/// <summary>Lambda's weighted alias: version → share of invocations.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AliasRoutingConfig
{
    public Dictionary<string, double>? AdditionalVersionWeights { get; init; }
}

/// <summary><c>GET /v1/functions/{name}/aliases</c>.</summary>
internal sealed record AliasListResponse(IReadOnlyList<AliasDocument> Aliases);
