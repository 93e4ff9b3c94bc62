using System.Net;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>The viewer's IP and source port, as CloudFront-Viewer-Address shows them (<c>ip:port</c>).</summary>
internal readonly record struct ViewerAddress(IPAddress Ip, int Port)
{
    // CloudFront writes IPv6 addresses without brackets too: the port is what follows the last colon.
    public override string ToString() => $"{Ip}:{Port}";
}
