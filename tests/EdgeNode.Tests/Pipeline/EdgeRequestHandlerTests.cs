using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Pipeline;

/// <summary>The request path of DESIGN §1: which stages run, in which order, and what reaches the origin and the viewer.</summary>
public sealed class EdgeRequestHandlerTests
{
    [Fact]
    public async Task HandleAsync_NoFunctions_ProxiesToOrigin()
    {
        await using var env = await new EdgeTestEnvironment().Bind("*").StartAsync();

        var response = await env.Client.GetAsync("/echo/plain?x=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await Echo.ReadAsync(response);
        Assert.Equal("/echo/plain", echo.Path);
        Assert.Equal("x=1", echo.Query);
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/echo/plain"));
    }
}
