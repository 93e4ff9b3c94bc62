using System.Net;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>The operator's trusted proxies (<see cref="GeoOptions.TrustedProxies"/>), as networks.</summary>
internal sealed class TrustedProxyList
{
    private readonly IPNetwork[] _networks;

    public TrustedProxyList(IEnumerable<string> entries)
    {
        _networks = entries.Select(e => TryParseEntry(e, out var network) ? network : (IPNetwork?)null)
            .OfType<IPNetwork>().ToArray();
    }

    public bool IsEmpty => _networks.Length == 0;

    public bool Contains(IPAddress address)
    {
        address = Normalize(address);
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A bare address is a network of one.</summary>
    public static bool TryParseEntry(string entry, out IPNetwork network)
    {
        entry = entry.Trim();
        if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/'))
        {
            address = Normalize(address);
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }
        return IPNetwork.TryParse(entry, out network);
    }

    /// <summary>Kestrel reports IPv4 peers on dual-stack sockets as ::ffff:a.b.c.d; operators write a.b.c.d.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
