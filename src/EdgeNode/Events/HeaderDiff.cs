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
    /// <remarks>
    /// Quadratic in the number of headers on purpose: with the dozen or so a request carries, scanning
    /// a list beats building a dictionary, and this runs on every invocation.
    /// </remarks>
    public static void Apply(List<KeyValuePair<string, string>> headers, IHeaderDictionary target, EdgeEventType type, EdgeRequestFeature edge)
    {
        // In origin-request the Host header is the one the origin gets; the viewer's stays on the request.
        var hostIsOrigins = type == EdgeEventType.OriginRequest;
        List<string>? dropped = null;
        foreach (var (name, _) in target)
        {
            if (!HeaderRules.IsDisallowed(name) && !HeaderRules.IsFraming(name) && !(hostIsOrigins && IsHost(name)) && IndexOf(headers, name, 0) < 0)
            {
                (dropped ??= []).Add(name);
            }
        }
        dropped?.ForEach(name => target.Remove(name));
        for (var i = 0; i < headers.Count; i++)
        {
            var key = headers[i].Key;
            if (IndexOf(headers, key, 0) != i || HeaderRules.IsFraming(key))
            {
                continue;
            }
            if (hostIsOrigins && IsHost(key))
            {
                edge.OriginHost = headers[i].Value;
                continue;
            }
            var values = new StringValues(headers[i].Value);
            for (var j = IndexOf(headers, key, i + 1); j >= 0; j = IndexOf(headers, key, j + 1))
            {
                values = StringValues.Concat(values, headers[j].Value);
            }
            if (!StringValues.Equals(target[key], values))
            {
                target.Remove(key);
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
    private static int IndexOf(List<KeyValuePair<string, string>> headers, string name, int start)
    {
        for (var i = start; i < headers.Count; i++)
        {
            if (headers[i].Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsHost(string name) => name.Equals("Host", StringComparison.OrdinalIgnoreCase);
}
