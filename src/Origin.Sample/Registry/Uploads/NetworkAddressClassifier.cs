using System.Net;
using System.Net.Sockets;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>Tells public addresses from the ones a server-side fetch must not reach on a user's behalf (SSRF).</summary>
internal static class NetworkAddressClassifier
{
    // 64:ff9b::/96, the well-known NAT64 prefix: the last four bytes are an IPv4 address the gateway connects to.
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    public static NetworkAddressKind Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return EmbeddedIPv4(address) is { } embedded ? Classify(embedded) : ClassifyIPv6(address);
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 => NetworkAddressKind.Unspecified,
            127 => NetworkAddressKind.Loopback,
            10 => NetworkAddressKind.Private,
            100 when (b[1] & 0xC0) == 64 => NetworkAddressKind.Private,
            169 when b[1] == 254 => NetworkAddressKind.LinkLocal,
            172 when (b[1] & 0xF0) == 16 => NetworkAddressKind.Private,
            192 when b[1] == 168 => NetworkAddressKind.Private,
            >= 224 and < 240 => NetworkAddressKind.Multicast,
            >= 240 => NetworkAddressKind.Reserved,
            _ => NetworkAddressKind.Public,
        };
    }

    private static NetworkAddressKind ClassifyIPv6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return NetworkAddressKind.Unspecified;
        }
        if (IPAddress.IsLoopback(address))
        {
            return NetworkAddressKind.Loopback;
        }
        if (address.IsIPv6LinkLocal)
        {
            return NetworkAddressKind.LinkLocal;
        }
        if (address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal)
        {
            return NetworkAddressKind.Private;
        }
        return address.IsIPv6Multicast ? NetworkAddressKind.Multicast : NetworkAddressKind.Public;
    }

    /// <summary>
    /// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64
    /// address: connecting to it reaches that IPv4 address, so it must be judged as one.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        var compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && bytes.AsSpan(12).IndexOfAnyExcept((byte)0) >= 0 &&
            !IPAddress.IsLoopback(address);
        return compatible || bytes.AsSpan(0, 12).SequenceEqual(Nat64Prefix) ? new IPAddress(bytes.AsSpan(12)) : null;
    }
}
