namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// TTL bounds of a CloudFront cache policy. <see cref="DefaultTtl"/> null = no default: responses without
/// explicit freshness use RFC heuristics only.
/// </summary>
/// <remarks>
/// CloudFront clamps origin-given freshness into [MinTtl, MaxTtl], uses DefaultTtl when the origin gives none,
/// and, when MinTtl is above zero, caches for MinTtl even responses marked no-store, no-cache or private.
/// </remarks>
internal sealed record TtlBounds(TimeSpan MinTtl, TimeSpan? DefaultTtl, TimeSpan MaxTtl)
{
    /// <summary>MinTtl 0, no DefaultTtl, MaxTtl 365 days: pure RFC 9111 behaviour.</summary>
    public static TtlBounds Http { get; } = new(TimeSpan.Zero, null, TimeSpan.FromDays(365));

    /// <summary>Origin-given (explicit or heuristic) freshness clamped into [MinTtl, MaxTtl].</summary>
    public TimeSpan Clamp(TimeSpan lifetime)
    {
        if (lifetime > MaxTtl)
        {
            lifetime = MaxTtl;
        }
        // MinTtl wins over MaxTtl if a policy is misconfigured: CloudFront validates MinTtl <= MaxTtl anyway.
        return lifetime < MinTtl ? MinTtl : lifetime;
    }
}
