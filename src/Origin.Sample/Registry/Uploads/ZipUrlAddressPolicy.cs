using System.Globalization;
using System.Net;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>
/// Where a <c>zipUrl</c> fetch may connect. A user must not make the registry reach its own host,
/// the cloud's metadata service or the internal network (SSRF), so only public addresses are
/// allowed, unless the operator lists a host in <see cref="RegistryOptions.ZipUrlAllowedHosts"/>
/// (an internal artifact server) or allows private and loopback addresses with
/// <see cref="RegistryOptions.ZipUrlAllowPrivateNetworks"/>. Link-local (metadata), unspecified,
/// multicast and reserved addresses are never a legitimate artifact server: only a listed host reaches them.
/// </summary>
internal sealed class ZipUrlAddressPolicy
{
    private readonly bool _allowPrivate;
    private readonly IReadOnlyList<(string Host, int? Port)> _allowedHosts;

    public ZipUrlAddressPolicy(IOptions<RegistryOptions> options)
    {
        _allowPrivate = options.Value.ZipUrlAllowPrivateNetworks;
        _allowedHosts = options.Value.ZipUrlAllowedHosts.Select(ParseHost).ToList();
    }

    /// <summary>Whether the host (by the name the URL gives) may be reached wherever it resolves to.</summary>
    public bool IsTrusted(string host, int port)
    {
        var name = Unbracket(host);
        return _allowedHosts.Any(a => string.Equals(a.Host, name, StringComparison.OrdinalIgnoreCase) && (a.Port is null || a.Port == port));
    }

    /// <summary>Refuses with <c>ZipUrlForbidden</c> if any address the host resolved to is not public.</summary>
    public void CheckAddresses(string host, int port, IReadOnlyList<IPAddress> addresses)
    {
        // All of them, not just the one connected to first: a host that answers with a private
        // address among public ones is not one the registry should trust either.
        foreach (var address in addresses)
        {
            var kind = NetworkAddressClassifier.Classify(address);
            if (kind != NetworkAddressKind.Public && !(_allowPrivate && kind is NetworkAddressKind.Private or NetworkAddressKind.Loopback))
            {
                var resolves = Unbracket(host) == address.ToString() ? "is" : $"resolves to {address}, which is";
                throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlForbidden, string.Create(CultureInfo.InvariantCulture,
                    $"zipUrl host '{host}' {resolves} {Describe(kind)}; the registry fetches code only from public addresses (an operator can allow the host with Registry:ZipUrlAllowedHosts, e.g. \"{Unbracket(host)}:{port}\")"));
            }
        }
    }

    private static string Describe(NetworkAddressKind kind) => kind switch
    {
        NetworkAddressKind.Loopback => "a loopback address (the registry's own host)",
        NetworkAddressKind.LinkLocal => "a link-local address (where clouds serve instance metadata)",
        NetworkAddressKind.Private => "a private-network address",
        NetworkAddressKind.Unspecified => "an unspecified address",
        NetworkAddressKind.Multicast => "a multicast address",
        _ => "a reserved address",
    };

    /// <summary><c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c>; a bare IPv6 address has no port.</summary>
    private static (string Host, int? Port) ParseHost(string entry)
    {
        var colon = entry.LastIndexOf(':');
        var hasPort = colon > 0 && (entry.IndexOf(':') == colon || entry[colon - 1] == ']') &&
            int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        return hasPort
            ? (Unbracket(entry[..colon]), int.Parse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture))
            : (Unbracket(entry), null);
    }

    private static string Unbracket(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
}
