using System.Text;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// The cache key of a request, from its behaviour's cache policy: distribution, host, path, and the
/// query strings, headers and cookies the policy names (CloudFront's cache key). The method is not
/// in it: HEAD is answered from a stored GET.
/// </summary>
internal static class CacheKeyBuilder
{
    public static string Build(HttpRequest request, string distributionId, CachePolicyModel policy, string uri, string query)
    {
        var key = new StringBuilder(128);
        key.Append(distributionId).Append('\n').Append((request.Host.Value ?? "").ToLowerInvariant()).Append('\n').Append(uri);
        AppendQuery(key, policy, query);
        foreach (var header in policy.Headers)
        {
            key.Append('\n').Append(header).Append(':').Append(request.Headers[header].ToString());
        }
        AppendCookies(key, policy, request);
        return key.ToString();
    }

    private static void AppendQuery(StringBuilder key, CachePolicyModel policy, string query)
    {
        if (policy.QueryStrings == CacheKeyItemsBehavior.None || query.Length == 0)
        {
            return;
        }
        key.Append('?');
        if (policy.QueryStrings == CacheKeyItemsBehavior.All)
        {
            key.Append(query);
            return;
        }
        var first = true;
        foreach (var pair in query.Split('&'))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var wanted = policy.QueryStringNames.Contains(name);
            if (policy.QueryStrings == CacheKeyItemsBehavior.Whitelist ? wanted : !wanted)
            {
                key.Append(first ? "" : "&").Append(pair);
                first = false;
            }
        }
    }

    private static void AppendCookies(StringBuilder key, CachePolicyModel policy, HttpRequest request)
    {
        if (policy.Cookies == CacheKeyItemsBehavior.None || !request.Headers.ContainsKey(HeaderNames.Cookie))
        {
            return;
        }
        foreach (var (name, value) in request.Cookies.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var listed = policy.CookieNames.Contains(name);
            var wanted = policy.Cookies switch
            {
                CacheKeyItemsBehavior.All => true,
                CacheKeyItemsBehavior.Whitelist => listed,
                _ => !listed,
            };
            if (wanted)
            {
                key.Append("\ncookie:").Append(name).Append('=').Append(value);
            }
        }
    }
}
