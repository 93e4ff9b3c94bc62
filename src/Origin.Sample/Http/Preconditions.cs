using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Origin.Sample.Http;

/// <summary>
/// Evaluates the conditional request headers relevant to a cache revalidating a GET or HEAD
/// (RFC 9110 §13.2.2, steps 3 and 4). The origin has no state-changing endpoints, so
/// If-Match and If-Unmodified-Since are not needed here.
/// </summary>
internal static class Preconditions
{
    public static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        // If-None-Match takes precedence: when present, If-Modified-Since is ignored entirely,
        // even if If-None-Match turns out not to match (§13.1.3).
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return AnyTagMatches(ifNoneMatch, etag);
        }

        // §13.1.3: ignore the field if it is not a single valid HTTP-date.
        var ifModifiedSince = request.Headers.IfModifiedSince;
        if (ifModifiedSince.Count == 1 && HeaderUtilities.TryParseDate(ifModifiedSince.ToString(), out var since))
        {
            return lastModified <= since;
        }

        return false;
    }

    private static bool AnyTagMatches(StringValues ifNoneMatch, string etag)
    {
        // A malformed list matches nothing, so the full response is sent: the safe choice.
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var candidates))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        foreach (var candidate in candidates)
        {
            // If-None-Match uses the weak comparison function (§8.8.3.2), so W/"x" matches "x".
            if (candidate.Tag == "*" || candidate.Compare(current, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
