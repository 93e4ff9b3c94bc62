using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>The body of <c>PUT /v1/distributions/{id}/bindings</c>: one association on one cache behaviour.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record BindingRequest
{
    public string? PathPattern { get; init; }
    public string? Event { get; init; }
    public string? Name { get; init; }
    public string? Qualifier { get; init; }
    public bool IncludeBody { get; init; }
}

/// <summary><c>GET /v1/distributions</c>.</summary>
internal sealed record DistributionListResponse(IReadOnlyList<DistributionDocument> Distributions);
