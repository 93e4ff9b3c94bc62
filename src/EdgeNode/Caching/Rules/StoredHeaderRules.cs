using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// Fields never stored or forwarded from a stored response (RFC 9111 §3.1): hop-by-hop fields, fields named in
/// Connection, proxy-authentication fields, and fields named by qualified <c>no-cache="f"</c>/<c>private="f"</c>.
/// </summary>
internal static class StoredHeaderRules
{
    /// <summary>
    /// Connection-specific fields (RFC 9110 §7.6.1) and the proxy-specific authentication fields RFC 9111 §3.1
    /// forbids storing; Proxy-Connection is the pre-standard spelling some clients still send.
    /// </summary>
    private static readonly HashSet<string> NeverStored = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Transfer-Encoding", "Upgrade", "Trailer",
        "Proxy-Authenticate", "Proxy-Authentication-Info", "Proxy-Authorization",
    };

    /// <summary>A field that is never stored, whatever the response says.</summary>
    public static bool IsNeverStored(string fieldName) => NeverStored.Contains(fieldName);

    /// <summary>
    /// Whether <paramref name="fieldName"/> of this response goes into the store. Qualified no-cache/private
    /// fields are dropped: RFC 9111 §5.2.2.4 and §5.2.2.7 let a shared cache store the rest of the response
    /// without them (suite check cc-resp-no-cache-case / no-cache="a, b").
    /// </summary>
    /// <param name="directives">The governing directives (<see cref="StorageDecision.Directives"/>).</param>
    public static bool ShouldStore(string fieldName, IHeaderDictionary responseHeaders, CacheControlDirectives directives)
    {
        if (NeverStored.Contains(fieldName) || IsListedIn(fieldName, responseHeaders[HeaderNames.Connection]))
        {
            return false;
        }
        return !Contains(directives.NoCacheFields, fieldName) && !Contains(directives.PrivateFields, fieldName);
    }

    /// <summary>Whether a Connection field value lists <paramref name="fieldName"/> (case-insensitive).</summary>
    public static bool IsListedIn(string fieldName, Microsoft.Extensions.Primitives.StringValues connection)
    {
        foreach (var option in FieldList.Split(connection))
        {
            if (option.Equals(fieldName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Contains(IReadOnlyList<string> names, string fieldName)
    {
        foreach (var name in names)
        {
            if (name.Equals(fieldName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
