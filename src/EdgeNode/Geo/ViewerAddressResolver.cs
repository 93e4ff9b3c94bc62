using System.Net;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// Who the viewer is: the connection's peer, unless that peer is a trusted proxy; then the
/// right-most X-Forwarded-For entry that is not a trusted proxy itself (entries to its left are
/// whatever the client wrote, so they are never believed).
/// </summary>
internal sealed class ViewerAddressResolver
{
    private readonly TrustedProxyList _proxies;

    public ViewerAddressResolver(TrustedProxyList proxies)
    {
        _proxies = proxies;
    }

    /// <param name="forwardedFor">
    /// The X-Forwarded-For the origin gets when the viewer was named in it: the entries up to and
    /// including the viewer's, without the trusted proxies' hops to its right, as CloudFront's would end
    /// with the viewer's address. Null when the viewer is the connection's peer: its address is appended.
    /// </param>
    public ViewerAddress Resolve(HttpContext context, out string? forwardedFor)
    {
        forwardedFor = null;
        var connection = context.Connection;
        var peer = new ViewerAddress(TrustedProxyList.Normalize(connection.RemoteIpAddress ?? IPAddress.Loopback), connection.RemotePort);
        if (_proxies.IsEmpty || !_proxies.Contains(peer.Ip))
        {
            return peer;
        }
        var entries = context.Request.Headers["X-Forwarded-For"].SelectMany(v => (v ?? "").Split(',')).Select(e => e.Trim()).ToArray();
        var viewerEntry = -1;
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (!TryParse(entries[i], out var forwarded))
            {
                // A malformed hop: nothing to its left can be trusted either.
                break;
            }
            peer = forwarded;
            viewerEntry = i;
            if (!_proxies.Contains(forwarded.Ip))
            {
                break;
            }
        }
        forwardedFor = viewerEntry < 0 ? null : string.Join(", ", entries, 0, viewerEntry + 1);
        return peer;
    }

    /// <summary><c>ip</c>, <c>ip:port</c> or <c>[ipv6]:port</c>; the port is 0 when the proxy did not give one.</summary>
    private static bool TryParse(string entry, out ViewerAddress address)
    {
        // IPEndPoint's parser takes all three forms (a bare IPv6 address keeps all its groups).
        address = default;
        if (!IPEndPoint.TryParse(entry, out var endPoint))
        {
            return false;
        }
        address = new ViewerAddress(TrustedProxyList.Normalize(endPoint.Address), endPoint.Port);
        return true;
    }
}
