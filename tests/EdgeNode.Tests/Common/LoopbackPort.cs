using System.Net;
using System.Net.Sockets;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>A loopback port free at the time of asking, for servers a test stops and starts again on the same address.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
