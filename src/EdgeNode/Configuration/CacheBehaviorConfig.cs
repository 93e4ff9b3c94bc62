using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>A path pattern and what to do with requests that match it.</summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CacheBehaviorConfig
{
    /// <summary>CloudFront path pattern: <c>*</c> and <c>?</c> wildcards, case-sensitive, e.g. <c>/images/*.jpg</c>.</summary>
    public string? PathPattern { get; init; }

    /// <summary>The origin (by id) requests matching this behaviour go to.</summary>
    public string? OriginId { get; init; }

    /// <summary>Methods accepted; others get 403 as on CloudFront. Defaults to all.</summary>
    public IReadOnlyList<string>? AllowedMethods { get; init; }

    /// <summary>Sends the viewer's Host header to the origin instead of the origin's domain name.</summary>
    public bool ForwardHost { get; init; }

    /// <summary>TTL bounds and cache key; absent: HTTP's own caching rules, key of host, path and query.</summary>
    public CachePolicyConfig? CachePolicy { get; init; }

    /// <summary>What goes to the origin besides the cache key; the CloudFront-* headers it names are added (Geo/README.md).</summary>
    public OriginRequestPolicyConfig? OriginRequestPolicy { get; init; }

    /// <summary>Function associations by event name (<c>viewer-request</c>, <c>origin-request</c>, ...).</summary>
    public IReadOnlyDictionary<string, FunctionAssociationConfig> Functions { get; init; } =
        new Dictionary<string, FunctionAssociationConfig>();
}
