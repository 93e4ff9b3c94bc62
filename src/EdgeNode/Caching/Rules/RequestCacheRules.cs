using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// What a request asks of the cache (RFC 9111 §5.2.1). <c>Pragma: no-cache</c> counts as <c>no-cache</c> only
/// when the request has no Cache-Control at all (RFC 9111 §5.4, HTTP/1.0 compatibility).
/// </summary>
internal sealed record RequestCacheRules(
    bool NoStore,
    bool NoCache,
    bool OnlyIfCached,
    TimeSpan? MaxAge,
    TimeSpan? MinFresh,
    TimeSpan? MaxStale)
{
    /// <summary>A request that asks nothing special.</summary>
    public static RequestCacheRules None { get; } = new(false, false, false, null, null, null);

    public static RequestCacheRules Read(IHeaderDictionary requestHeaders)
    {
        var cacheControl = requestHeaders[HeaderNames.CacheControl];
        var cc = CacheControlDirectives.Parse(cacheControl);
        var noCache = cc.NoCache;
        if (cc.IsEmpty)
        {
            foreach (var member in FieldList.Split(requestHeaders[HeaderNames.Pragma]))
            {
                if (member.Equals("no-cache", StringComparison.OrdinalIgnoreCase))
                {
                    noCache = true;
                }
            }
        }
        // An invalid request max-age (max-age=abc) is ignored rather than read as 0: the request is still
        // served, and only a valid directive restricts what it may be served.
        return new RequestCacheRules(cc.NoStore, noCache, cc.OnlyIfCached, cc.MaxAge, cc.MinFresh, cc.MaxStale);
    }
}
