using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// Whether and for how long a shared cache stores a response (RFC 9111 §3, §4.2; RFC 9213; CloudFront TTLs).
/// </summary>
internal static class StorageRules
{
    /// <summary>Upper bound on a Last-Modified heuristic lifetime, so an old file is not cached for months on a guess.</summary>
    public static readonly TimeSpan HeuristicCap = TimeSpan.FromDays(1);

    /// <summary>RFC 9110 §15.1 "heuristically cacheable" status codes.</summary>
    private static readonly HashSet<int> HeuristicStatuses = [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501];

    /// <summary>
    /// Status codes whose caching requirements this cache implements, for <c>must-understand</c>
    /// (RFC 9111 §5.2.2.3): the codes defined by RFC 9110.
    /// </summary>
    private static readonly HashSet<int> UnderstoodStatuses =
    [
        200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 307, 308,
        400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 426,
        500, 501, 502, 503, 504, 505,
    ];

    /// <summary>Decides storage and freshness for a response the cache just received.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="requestTime">When the cache sent the request.</param>
    /// <param name="responseTime">When the cache received the response.</param>
    public static StorageDecision Decide(string method, int status, IHeaderDictionary requestHeaders, IHeaderDictionary responseHeaders,
        TtlBounds ttl, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var cacheControl = CacheControlDirectives.Parse(responseHeaders[HeaderNames.CacheControl]);
        // RFC 9213 §2.2: a valid, non-empty CDN-Cache-Control replaces Cache-Control and Expires entirely.
        var targeted = CacheControlDirectives.ParseTargeted(responseHeaders["CDN-Cache-Control"]);
        var cc = targeted ?? cacheControl;

        var hasDate = HttpDate.TryParseField(responseHeaders[HeaderNames.Date], out var date);
        var dateValue = hasDate ? date : responseTime;
        var hasValidator = responseHeaders.ContainsKey(HeaderNames.ETag) || responseHeaders.ContainsKey(HeaderNames.LastModified);
        var decision = new StorageDecision
        {
            ResponseTime = responseTime,
            CorrectedInitialAge = CorrectedInitialAge(responseHeaders, dateValue, requestTime, responseTime),
            HasValidator = hasValidator,
            Directives = cc,
            UsedTargetedField = targeted is not null,
        };

        if (HttpMethods.IsHead(method))
        {
            // A HEAD response has no content; it may only freshen a stored GET response (RFC 9111 §4.3.5).
            return decision with { Reason = "HEAD response is not stored (no content); it may only update a stored GET response" };
        }
        if (!HttpMethods.IsGet(method))
        {
            return decision with { Reason = $"method {method} not cacheable" };
        }
        if (status < 200)
        {
            return decision with { Reason = $"status {status} is not final" };
        }
        if (status == StatusCodes.Status206PartialContent)
        {
            return decision with { Reason = "status 206 not cacheable (partial content is not stored)" };
        }
        if (status == StatusCodes.Status304NotModified)
        {
            return decision with { Reason = "status 304 not cacheable (it only updates a stored response)" };
        }

        var understood = UnderstoodStatuses.Contains(status);
        if (cc.MustUnderstand && !understood)
        {
            return decision with { Reason = $"must-understand with unrecognised status {status}" };
        }
        // CloudFront: a MinTtl above zero caches for at least MinTtl even when the origin says no-store,
        // no-cache or private. With TtlBounds.Http (MinTtl 0) this never applies.
        var minTtlOverrides = ttl.MinTtl > TimeSpan.Zero;
        // RFC 9111 §5.2.2.3: must-understand with an understood status overrides no-store.
        var noStore = cc.NoStore && !(cc.MustUnderstand && understood);
        if (noStore && !minTtlOverrides)
        {
            return decision with { Reason = "no-store" };
        }
        if (cc.PrivateUnqualified && !minTtlOverrides)
        {
            return decision with { Reason = "private" };
        }
        if (requestHeaders.ContainsKey(HeaderNames.Authorization) && !(cc.Public || cc.SharedMaxAge is not null || cc.MustRevalidate))
        {
            // RFC 9111 §3.5. MinTtl does not override this: caching one user's credentials-bound answer for
            // everyone is a leak, not a TTL choice.
            return decision with { Reason = "Authorization without public/s-maxage/must-revalidate" };
        }

        var heuristicEligible = HeuristicStatuses.Contains(status) || cc.Public;
        var explicitLifetime = ExplicitLifetime(cc, targeted is null ? responseHeaders : null, dateValue);
        TimeSpan lifetime;
        var heuristic = false;
        if (explicitLifetime is { } given)
        {
            lifetime = ttl.Clamp(given);
        }
        else if (!heuristicEligible)
        {
            return decision with { Reason = $"status {status} not cacheable without explicit freshness" };
        }
        else if (ttl.DefaultTtl is { } defaultTtl)
        {
            lifetime = ttl.Clamp(defaultTtl);
        }
        else if (HeuristicLifetime(responseHeaders, dateValue) is { } guessed)
        {
            lifetime = ttl.Clamp(guessed);
            heuristic = true;
        }
        else if (!hasValidator && !minTtlOverrides)
        {
            return decision with { Reason = "no freshness and no validator" };
        }
        else
        {
            // Storable but stale at once: worth keeping because a validator makes the next use a cheap 304.
            // With a positive MinTtl the policy itself supplies the freshness.
            lifetime = ttl.Clamp(TimeSpan.Zero);
        }

        var alwaysRevalidate = cc.NoCacheUnqualified && !minTtlOverrides;
        return decision with
        {
            Store = true,
            FreshnessLifetime = lifetime,
            Heuristic = heuristic,
            StaleWhileRevalidate = cc.StaleWhileRevalidate ?? TimeSpan.Zero,
            StaleIfError = cc.StaleIfError ?? TimeSpan.Zero,
            AlwaysRevalidate = alwaysRevalidate,
            // RFC 9111 §5.2.2.2, §5.2.2.8, §5.2.2.10: must-revalidate, proxy-revalidate and (for a shared cache)
            // s-maxage forbid serving stale; no-cache requires validation on every use, stale or not.
            MayServeStale = !(cc.MustRevalidate || cc.ProxyRevalidate || cc.SharedMaxAge is not null
                || cc.HasInvalidSharedMaxAge || alwaysRevalidate),
        };
    }

    /// <summary>Current age of a stored response at <paramref name="now"/> (corrected_initial_age + resident time).</summary>
    public static TimeSpan CurrentAge(StorageDecision stored, DateTimeOffset now)
    {
        var resident = now - stored.ResponseTime;
        var age = stored.CorrectedInitialAge + (resident > TimeSpan.Zero ? resident : TimeSpan.Zero);
        return age > CacheControlDirectives.MaxDelta ? CacheControlDirectives.MaxDelta : age;
    }

    /// <summary>
    /// Origin-given freshness (RFC 9111 §4.2.1): s-maxage, then max-age, then Expires − Date. An invalid value at
    /// the chosen level means "stale" (zero), not "absent". Null when the origin said nothing.
    /// </summary>
    /// <param name="responseHeaders">Null when Expires must be ignored (CDN-Cache-Control took precedence).</param>
    private static TimeSpan? ExplicitLifetime(CacheControlDirectives cc, IHeaderDictionary? responseHeaders, DateTimeOffset dateValue)
    {
        if (cc.SharedMaxAge is { } sharedMaxAge)
        {
            return sharedMaxAge;
        }
        if (cc.HasInvalidSharedMaxAge || cc.HasInvalidMaxAge)
        {
            return TimeSpan.Zero;
        }
        if (cc.MaxAge is { } maxAge)
        {
            return maxAge;
        }
        if (responseHeaders is null || !responseHeaders.TryGetValue(HeaderNames.Expires, out var expires) || expires.Count == 0)
        {
            return null;
        }
        // RFC 9111 §5.3: an invalid Expires (notably "0") means already expired.
        if (!HttpDate.TryParseField(expires, out var expiresAt))
        {
            return TimeSpan.Zero;
        }
        var lifetime = expiresAt - dateValue;
        if (lifetime <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        return lifetime > CacheControlDirectives.MaxDelta ? CacheControlDirectives.MaxDelta : lifetime;
    }

    /// <summary>RFC 9111 §4.2.2: 10% of the time since Last-Modified, capped at <see cref="HeuristicCap"/>.</summary>
    private static TimeSpan? HeuristicLifetime(IHeaderDictionary responseHeaders, DateTimeOffset dateValue)
    {
        if (!HttpDate.TryParseField(responseHeaders[HeaderNames.LastModified], out var lastModified))
        {
            return null;
        }
        var sinceModified = dateValue - lastModified;
        if (sinceModified <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var guess = sinceModified / 10;
        return guess > HeuristicCap ? HeuristicCap : guess;
    }

    /// <summary>RFC 9111 §4.2.3 corrected_initial_age.</summary>
    private static TimeSpan CorrectedInitialAge(IHeaderDictionary responseHeaders, DateTimeOffset dateValue,
        DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var ageValue = AgeRules.Parse(responseHeaders[HeaderNames.Age]) ?? TimeSpan.Zero;
        // A Date in the future (clock skew) gives apparent_age 0, never a negative age.
        var apparentAge = responseTime - dateValue;
        if (apparentAge < TimeSpan.Zero)
        {
            apparentAge = TimeSpan.Zero;
        }
        var responseDelay = responseTime - requestTime;
        if (responseDelay < TimeSpan.Zero)
        {
            responseDelay = TimeSpan.Zero;
        }
        var correctedAgeValue = ageValue + responseDelay;
        var age = apparentAge > correctedAgeValue ? apparentAge : correctedAgeValue;
        return age > CacheControlDirectives.MaxDelta ? CacheControlDirectives.MaxDelta : age;
    }
}
