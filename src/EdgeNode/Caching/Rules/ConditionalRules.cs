using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// A viewer's conditional request answered from a stored response (RFC 9110 §13.2.2 order: If-Match,
/// If-Unmodified-Since, If-None-Match, If-Modified-Since; RFC 9111 §4.3.2 for a cache).
/// </summary>
internal static class ConditionalRules
{
    public static ConditionalResult Evaluate(string method, IHeaderDictionary requestHeaders, int storedStatus, IHeaderDictionary storedHeaders) =>
        Evaluate(method, requestHeaders, storedStatus, storedHeaders, receivedAt: null);

    /// <param name="receivedAt">
    /// When the stored response was received: the last resort for If-Modified-Since when it has neither
    /// Last-Modified nor Date (RFC 9111 §4.3.2).
    /// </param>
    public static ConditionalResult Evaluate(string method, IHeaderDictionary requestHeaders, int storedStatus,
        IHeaderDictionary storedHeaders, DateTimeOffset? receivedAt)
    {
        // RFC 9110 §13.2.1: preconditions are ignored when the response without them would not be 2xx, and for
        // methods that do not select a representation.
        // The common request carries no condition: answer before parsing the stored validators (every cache hit comes here).
        if (!IsConditional(requestHeaders) ||
            storedStatus is < 200 or > 299 || HttpMethods.IsConnect(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return ConditionalResult.Proceed;
        }
        var isGetOrHead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var storedTag = EntityTag.ParseSingle(storedHeaders[HeaderNames.ETag]);
        var hasLastModified = HttpDate.TryParseField(storedHeaders[HeaderNames.LastModified], out var lastModified);

        // Step 1: If-Match, strong comparison.
        if (requestHeaders.TryGetValue(HeaderNames.IfMatch, out var ifMatch) && ifMatch.Count > 0)
        {
            var tags = EntityTag.ParseList(ifMatch, out var any);
            if (!any && (storedTag is not { } current || !tags.Exists(t => t.StrongEquals(current))))
            {
                return ConditionalResult.PreconditionFailed;
            }
        }
        // Step 2: If-Unmodified-Since, only without If-Match and with a known modification date (§13.1.4).
        else if (requestHeaders.TryGetValue(HeaderNames.IfUnmodifiedSince, out var ius)
            && HttpDate.TryParseField(ius, out var unmodifiedSince) && hasLastModified && lastModified > unmodifiedSince)
        {
            return ConditionalResult.PreconditionFailed;
        }

        // Step 3: If-None-Match, weak comparison.
        if (requestHeaders.TryGetValue(HeaderNames.IfNoneMatch, out var ifNoneMatch) && ifNoneMatch.Count > 0)
        {
            var tags = EntityTag.ParseList(ifNoneMatch, out var any);
            var matched = any || (storedTag is { } current && tags.Exists(t => t.WeakEquals(current)));
            if (matched)
            {
                return isGetOrHead ? ConditionalResult.NotModified : ConditionalResult.PreconditionFailed;
            }
            return ConditionalResult.Proceed;
        }

        // Step 4: If-Modified-Since, GET/HEAD only, ignored when If-None-Match is present (handled above).
        if (isGetOrHead && requestHeaders.TryGetValue(HeaderNames.IfModifiedSince, out var ims)
            && HttpDate.TryParseField(ims, out var modifiedSince))
        {
            // RFC 9111 §4.3.2: Last-Modified, else Date, else the time the cache received it (suite:
            // conditional-lm-fresh-no-lm). The store adds Date when the origin omitted it (RFC 9110 §6.6.1).
            DateTimeOffset? reference = hasLastModified ? lastModified
                : HttpDate.TryParseField(storedHeaders[HeaderNames.Date], out var date) ? date
                : receivedAt;
            if (reference is { } modified && TruncateToSeconds(modified) <= modifiedSince)
            {
                return ConditionalResult.NotModified;
            }
        }
        return ConditionalResult.Proceed;
    }

    /// <summary>
    /// True when the request carries any of the four conditional headers (the cache then must not forward them
    /// blindly on a miss: they are about the viewer's copy, not the cache's).
    /// </summary>
    public static bool IsConditional(IHeaderDictionary requestHeaders) =>
        requestHeaders.ContainsKey(HeaderNames.IfMatch) || requestHeaders.ContainsKey(HeaderNames.IfNoneMatch)
        || requestHeaders.ContainsKey(HeaderNames.IfModifiedSince) || requestHeaders.ContainsKey(HeaderNames.IfUnmodifiedSince);

    /// <summary>HTTP-dates have one-second resolution; a receive time must not lose to its own formatted value.</summary>
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, value.Offset);
}
