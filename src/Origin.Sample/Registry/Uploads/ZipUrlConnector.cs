using System.Net;
using System.Net.Sockets;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>
/// The <c>zipUrl</c> client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host,
/// checks the addresses with <see cref="ZipUrlAddressPolicy"/> and connects to exactly those. Checking
/// the URL before the request would not do: DNS may answer differently when the handler resolves
/// again (rebinding), and every redirect hop makes its own connection, which passes here too.
/// </summary>
internal sealed class ZipUrlConnector(ZipUrlAddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!policy.IsTrusted(host, port))
        {
            policy.CheckAddresses(host, port, addresses);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
