using EdgeCompute.EdgeNode.Caching.Rules;

namespace EdgeCompute.EdgeNode.Model;

/// <summary>What a cache key takes from one part of the request (query strings, headers or cookies).</summary>
public enum CacheKeyItemsBehavior
{
    None,
    Whitelist,
    AllExcept,
    All,
}

/// <summary>A validated cache policy: TTL bounds and the request parts that make up the cache key.</summary>
public sealed class CachePolicyModel
{
    /// <summary>HTTP's rules alone; the key is host, path and the whole query string.</summary>
    public static CachePolicyModel Default { get; } = new()
    {
        Ttl = TtlBounds.Http,
        QueryStrings = CacheKeyItemsBehavior.All,
        Headers = [],
        Cookies = CacheKeyItemsBehavior.None,
    };

    internal TtlBounds Ttl { get; init; } = TtlBounds.Http;

    public required CacheKeyItemsBehavior QueryStrings { get; init; }

    public IReadOnlySet<string> QueryStringNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Header names in the key, lower-case, in a fixed order.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    public required CacheKeyItemsBehavior Cookies { get; init; }

    public IReadOnlySet<string> CookieNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
