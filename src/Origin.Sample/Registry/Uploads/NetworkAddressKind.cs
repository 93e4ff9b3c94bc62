namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>What kind of network an IP address belongs to, as far as fetching a <c>zipUrl</c> from it is concerned.</summary>
internal enum NetworkAddressKind
{
    /// <summary>Reachable on the internet: the only kind fetched by default.</summary>
    Public,

    /// <summary>127.0.0.0/8, ::1: the registry's own host.</summary>
    Loopback,

    /// <summary>169.254.0.0/16, fe80::/10: where clouds serve instance metadata and credentials.</summary>
    LinkLocal,

    /// <summary>RFC 1918, 100.64.0.0/10 (carrier-grade NAT), fc00::/7 and the old fec0::/10: an internal network.</summary>
    Private,

    /// <summary>0.0.0.0/8, ::; connecting to 0.0.0.0 reaches the local host on Linux.</summary>
    Unspecified,

    /// <summary>224.0.0.0/4, ff00::/8.</summary>
    Multicast,

    /// <summary>240.0.0.0/4 and the broadcast address: never a server.</summary>
    Reserved,
}
