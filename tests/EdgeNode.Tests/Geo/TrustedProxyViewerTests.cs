using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Geo;

/// <summary>
/// Behind a trusted load balancer, the viewer is who it names in X-Forwarded-For: that address is the
/// event's clientIp, as on CloudFront, and the origin's X-Forwarded-For ends with it, without the
/// balancers' own hops. An untrusted connection's X-Forwarded-For names nobody.
/// </summary>
public sealed class TrustedProxyViewerTests
{
    // Copies the clientIp the function saw into a header, for the origin's echo to show.
    private const string ShowClientIp = """
        exports.handler = async (event) => {
          const r = event.Records[0].cf.request;
          r.headers['x-client-ip'] = [{ key: 'X-Client-Ip', value: r.clientIp }];
          return r;
        };
        """;

    // What the viewer wrote itself, the viewer as the outer balancer saw it, then the inner balancer's hop.
    private const string ForwardedFor = "203.0.113.9, 81.2.69.142, 10.1.2.3";

    private static Task<EdgeTestEnvironment> NodeAsync(string engine, params string[] trusted) =>
        new EdgeTestEnvironment(engine)
            .Function("show", ShowClientIp)
            .WithGeo(JsonSerializer.Serialize(new { TrustedProxies = trusted }))
            .Bind("*", viewerRequest: "show")
            .StartAsync();

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task TrustedBalancers_ViewerIsClientIpAndEndsForwardedFor(string engine)
    {
        await using var env = await NodeAsync(engine, "127.0.0.1", "10.0.0.0/8");

        var echo = await Echo.ReadAsync(await env.Client.GetWithHeadersAsync("/echo/behind-lb", ("X-Forwarded-For", ForwardedFor)));

        Assert.Equal("81.2.69.142", Assert.Single(echo.Header("X-Client-Ip")));
        Assert.Equal("203.0.113.9, 81.2.69.142", string.Join(", ", echo.Header("X-Forwarded-For")));
    }

    [Fact]
    public async Task UntrustedConnection_ClientIpIsPeerAndAppended()
    {
        await using var env = await NodeAsync("v8");

        var echo = await Echo.ReadAsync(await env.Client.GetWithHeadersAsync("/echo/direct", ("X-Forwarded-For", ForwardedFor)));

        Assert.Equal("127.0.0.1", Assert.Single(echo.Header("X-Client-Ip")));
        Assert.Equal(ForwardedFor + ", 127.0.0.1", string.Join(", ", echo.Header("X-Forwarded-For")));
    }

    [Fact]
    public async Task TrustedPeerWithoutForwardedFor_ClientIpIsPeer()
    {
        await using var env = await NodeAsync("v8", "127.0.0.1");

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo/no-xff"));

        Assert.Equal("127.0.0.1", Assert.Single(echo.Header("X-Client-Ip")));
        Assert.Equal("127.0.0.1", string.Join(", ", echo.Header("X-Forwarded-For")));
    }
}
