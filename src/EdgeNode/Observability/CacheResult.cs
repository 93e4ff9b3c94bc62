namespace EdgeCompute.EdgeNode.Observability;

/// <summary>How the cache took part in a viewer's answer: the <c>cache</c> label of <c>edge_requests_total</c>.</summary>
internal enum CacheResult
{
    /// <summary>Not through the cache (other methods, <c>no-store</c>, a response a function generated at viewer-request).</summary>
    Pass,
    Hit,
    Miss,

    /// <summary>A stale stored response the origin confirmed with 304.</summary>
    RefreshHit,

    /// <summary>The node answered with its own error (function failed, origin unreachable, no distribution).</summary>
    Error,
}

internal static class CacheResultLabels
{
    /// <summary>Label values, indexed by <see cref="CacheResult"/>.</summary>
    public static readonly string[] Values = ["pass", "hit", "miss", "refresh-hit", "error"];
}
