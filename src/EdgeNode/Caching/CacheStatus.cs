namespace EdgeCompute.EdgeNode.Caching;

/// <summary>CloudFront's <c>X-Cache</c> values for answers that went through the cache.</summary>
internal static class CacheStatus
{
    public const string Hit = "Hit from edge";
    public const string Miss = "Miss from edge";

    /// <summary>A stale stored response that the origin confirmed (304).</summary>
    public const string RefreshHit = "RefreshHit from edge";
}
