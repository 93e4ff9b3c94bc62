using EdgeCompute.EdgeNode.Caching;

namespace EdgeCompute.EdgeNode.Observability;

internal static class CacheResults
{
    /// <summary>The result behind an <c>X-Cache</c> value of <see cref="CacheStatus"/>.</summary>
    public static CacheResult FromStatus(string cacheStatus) => cacheStatus switch
    {
        CacheStatus.Hit => CacheResult.Hit,
        CacheStatus.RefreshHit => CacheResult.RefreshHit,
        _ => CacheResult.Miss,
    };
}
