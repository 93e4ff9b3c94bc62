using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// Compares the headers a function returned with the real ones: refuses added disallowed headers
/// and changed read-only ones, then applies the difference in place.
/// </summary>
internal static class HeaderDiff
{
    /// <param name="host">In origin events, the Host value the function was shown (the origin's), else null.</param>
    public static string? Check(List<KeyValuePair<string, string>> headers, IHeaderDictionary original, EdgeEventType type, string? host)
    {
        foreach (var (name, _) in headers)
        {
            if (HeaderRules.IsDisallowed(name))
            {
                return $"headers.{name.ToLowerInvariant()}: is a header functions may not add";
            }
        }
        if (type == EdgeEventType.OriginRequest && HostError(headers) is { } hostError)
        {
            return hostError;
        }
        foreach (var readOnly in HeaderRules.ReadOnlyFor(type))
        {
            var before = host is not null && readOnly == "host" ? new StringValues(host) : original[readOnly];
            var i = 0;
            var same = true;
            foreach (var (name, value) in headers)
            {
                if (name.Equals(readOnly, StringComparison.OrdinalIgnoreCase))
                {
                    same &= i < before.Count && before[i] == value;
                    i++;
                }
            }
            if (!same || i != before.Count)
            {
                return $"headers.{readOnly}: is read-only in {type.ToWireName()} (the function changed or removed it)";
            }
        }
        return null;
    }

    /// <summary>Makes <paramref name="target"/>'s visible headers equal to <paramref name="headers"/>.</summary>
    public static void Apply(List<KeyValuePair<string, string>> headers, IHeaderDictionary target, EdgeEventType type, EdgeRequestFeature edge)
    {
        var grouped = new Dictionary<string, (string Key, StringValues Values)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in headers)
        {
            grouped[key] = grouped.TryGetValue(key, out var g) ? (g.Key, StringValues.Concat(g.Values, value)) : (key, new StringValues(value));
        }
        var isRequest = type.IsRequestEvent();
        foreach (var name in target.Keys.ToList())
        {
            if (!HeaderRules.IsDisallowed(name) && !grouped.ContainsKey(name) && !IsFraming(name) &&
                !(isRequest && type.IsOriginEvent() && name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            {
                target.Remove(name);
            }
        }
        foreach (var (name, (key, values)) in grouped)
        {
            if (IsFraming(name))
            {
                continue;
            }
            if (isRequest && type.IsOriginEvent() && name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                // The Host the origin gets; the viewer's stays on the request for the next stages.
                edge.OriginHost = values[0];
                continue;
            }
            if (!StringValues.Equals(target[name], values))
            {
                if (target.ContainsKey(name))
                {
                    target.Remove(name);
                }
                target[key] = values;
            }
        }
    }

    /// <summary>
    /// The Host an origin-request function leaves is the origin's Host header: one <c>host[:port]</c>.
    /// Anything else would only fail later, when the origin request is built, as if the origin were down.
    /// </summary>
    private static string? HostError(List<KeyValuePair<string, string>> headers)
    {
        string? host = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                if (host is not null || !IsValidHost(value))
                {
                    host = host is null ? value : host + ", " + value;
                    return $"headers.host: '{host}' is not one host name or address with an optional port";
                }
                host = value;
            }
        }
        return null;
    }

    private static bool IsValidHost(string value)
    {
        var colon = value.LastIndexOf(':');
        var host = value;
        if (colon > value.LastIndexOf(']'))
        {
            if (!int.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ||
                port is < 1 or > 65535)
            {
                return false;
            }
            host = value[..colon];
        }
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        return Uri.CheckHostName(host) != UriHostNameType.Unknown;
    }

    // The node owns message framing: a body's length is what the node sends, whatever a function says.
    private static bool IsFraming(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
}
