namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// Decision taken once when a response arrives (RFC 9111 §3 for a shared cache, §4.2 freshness, RFC 9213,
/// and CloudFront's TTL rules).
/// </summary>
internal sealed record StorageDecision
{
    public bool Store { get; init; }

    /// <summary>Why the response is not stored; null when it is.</summary>
    public string? Reason { get; init; }

    /// <summary>After CDN-Cache-Control precedence and TTL bounds.</summary>
    public TimeSpan FreshnessLifetime { get; init; }

    /// <summary>The lifetime came from the Last-Modified heuristic (RFC 9111 §4.2.2), not from the origin.</summary>
    public bool Heuristic { get; init; }

    /// <summary>RFC 9111 §4.2.3 corrected_initial_age.</summary>
    public TimeSpan CorrectedInitialAge { get; init; }

    /// <summary>When the cache received the response.</summary>
    public DateTimeOffset ResponseTime { get; init; }

    /// <summary>Zero if none.</summary>
    public TimeSpan StaleWhileRevalidate { get; init; }

    /// <summary>Zero if none.</summary>
    public TimeSpan StaleIfError { get; init; }

    /// <summary>Unqualified no-cache on the response: every use must be validated first.</summary>
    public bool AlwaysRevalidate { get; init; }

    /// <summary>False when must-revalidate / proxy-revalidate / s-maxage (shared cache) / no-cache forbid serving stale.</summary>
    public bool MayServeStale { get; init; }

    /// <summary>The response has ETag or Last-Modified, so a stale copy can be validated with a conditional request.</summary>
    public bool HasValidator { get; init; }

    /// <summary>The directives that governed the decision: CDN-Cache-Control when it took precedence, else Cache-Control.</summary>
    public CacheControlDirectives Directives { get; init; } = CacheControlDirectives.Empty;

    /// <summary>CDN-Cache-Control was present and valid, so Cache-Control and Expires were ignored (RFC 9213 §2.2).</summary>
    public bool UsedTargetedField { get; init; }
}
