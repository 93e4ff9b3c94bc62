using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// A CloudFront cache policy: how long responses stay (TTL bounds, in seconds) and what goes into
/// the cache key besides the host and path.
/// </summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CachePolicyConfig
{
    /// <summary>Seconds; origin freshness below it is raised to it. With a value above 0 even no-store responses are kept (CloudFront's rule).</summary>
    public long MinTtl { get; init; }

    /// <summary>Seconds a response with no freshness of its own stays. Absent: HTTP's rules alone (heuristics from Last-Modified).</summary>
    public long? DefaultTtl { get; init; }

    /// <summary>Seconds; origin freshness above it is lowered to it.</summary>
    public long MaxTtl { get; init; } = 31_536_000;

    /// <summary>Query strings in the key: <c>all</c> (default), <c>none</c>, <c>whitelist</c>, <c>allExcept</c>.</summary>
    public CacheKeyItemsConfig? QueryStrings { get; init; }

    /// <summary>Request headers in the key: <c>none</c> (default) or <c>whitelist</c>.</summary>
    public CacheKeyItemsConfig? Headers { get; init; }

    /// <summary>Cookies in the key: <c>none</c> (default), <c>whitelist</c>, <c>allExcept</c>, <c>all</c>.</summary>
    public CacheKeyItemsConfig? Cookies { get; init; }
}

/// <summary>One part of a cache key policy: a behaviour and the names it applies to.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CacheKeyItemsConfig
{
    public string? Behavior { get; init; }

    public IReadOnlyList<string> Items { get; init; } = [];
}
