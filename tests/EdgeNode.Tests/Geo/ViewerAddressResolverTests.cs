using System.Net;
using EdgeCompute.EdgeNode.Geo;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Tests.Geo;

public sealed class ViewerAddressResolverTests
{
    private static string Resolve(string[] trusted, string peer, string? forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Connection.RemotePort = 50123;
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }
        return new ViewerAddressResolver(new TrustedProxyList(trusted)).Resolve(context, out _).ToString();
    }

    [Fact]
    public void Resolve_UntrustedPeer_ForwardedForIgnored() =>
        Assert.Equal("198.51.100.7:50123", Resolve([], "198.51.100.7", "81.2.69.142"));

    [Fact]
    public void Resolve_TrustedPeer_RightMostUntrustedHop() =>
        Assert.Equal("81.2.69.142:0", Resolve(["10.0.0.0/8"], "10.0.0.1", "6.6.6.6, 81.2.69.142, 10.1.2.3"));

    [Fact]
    public void Resolve_MappedIpv4Peer_MatchesIpv4Entry() =>
        Assert.Equal("216.160.83.56:443", Resolve(["127.0.0.1"], "::ffff:127.0.0.1", "216.160.83.56:443"));

    [Fact]
    public void Resolve_Ipv6Hop_AddressWithoutBrackets() =>
        Assert.Equal("2a02:d180::1:0", Resolve(["127.0.0.1"], "127.0.0.1", "2a02:d180::1"));

    [Fact]
    public void Resolve_MalformedHop_StopsAtLastGoodOne() =>
        Assert.Equal("127.0.0.1:50123", Resolve(["127.0.0.1"], "127.0.0.1", "not-an-ip"));

    [Theory]
    [InlineData("198.51.100.7", "81.2.69.142", null)]
    [InlineData("10.0.0.1", "6.6.6.6, 81.2.69.142, 10.1.2.3", "6.6.6.6, 81.2.69.142")]
    [InlineData("10.0.0.1", "6.6.6.6,81.2.69.142", "6.6.6.6, 81.2.69.142")]
    [InlineData("10.0.0.1", null, null)]
    [InlineData("10.0.0.1", "6.6.6.6, not-an-ip, 10.1.2.3", "6.6.6.6, not-an-ip, 10.1.2.3")]
    public void Resolve_ForwardedFor_EndsWithTheViewer(string peer, string? forwardedFor, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        new ViewerAddressResolver(new TrustedProxyList(["10.0.0.0/8"])).Resolve(context, out var forwarded);

        Assert.Equal(expected, forwarded);
    }
}
