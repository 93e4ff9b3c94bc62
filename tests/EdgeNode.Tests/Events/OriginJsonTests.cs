using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>Origin switching from origin-request (<c>request.origin</c>) and custom origin headers.</summary>
public sealed class OriginJsonTests
{
    private static string SwitchTo(int port, string path = "", string customHeaders = "{}") => $$"""
        exports.handler = async (event) => {
          const request = event.Records[0].cf.request;
          request.origin = {
            custom: {
              domainName: '127.0.0.1', port: {{port}}, protocol: 'http', path: '{{path}}',
              sslProtocols: ['TLSv1.2'], readTimeout: 30, keepaliveTimeout: 5,
              customHeaders: {{customHeaders}},
            },
          };
          return request;
        };
        """;

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_SwitchesOrigin_SecondOriginGetsTheHit(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("switch", SwitchTo(second.Port))
            .Bind("*", originRequest: "switch")
            .StartAsync();

        var response = await env.Client.GetAsync("/echo/switched");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await second.GetHitsAsync()).For("/echo/switched"));
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_SwitchesOriginWithPath_PathIsPrefixed(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("switch", SwitchTo(second.Port, path: "/echo"))
            .Bind("*", originRequest: "switch")
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/deep/page?x=1"));

        Assert.Equal("/echo/deep/page", echo.Path);
        Assert.Equal("x=1", echo.Query);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_ReturnsOriginCustomHeaders_OriginReceivesThem(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("switch", SwitchTo(second.Port, customHeaders: "{ 'x-origin-key': [{ key: 'X-Origin-Key', value: 'k-123' }] }"))
            .Bind("*", originRequest: "switch")
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo"));

        Assert.Equal(["k-123"], echo.Header("X-Origin-Key"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_SetsShortReadTimeout_SlowOriginAnswers504(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("impatient", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.origin.custom.readTimeout = 1;
                  return request;
                };
                """)
            .Bind("*", originRequest: "impatient")
            .StartAsync();

        var response = await env.Client.GetAsync("/slow?ms=10000");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("Error from edge", response.Header("X-Cache"));
        await env.Logs.WaitForAsync($"{response.Header("X-Amz-Cf-Id")} origin http://127.0.0.1:{env.Origin.Port} failed: RequestTimedOut");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ConfigCustomHeaders_NoFunction_OriginReceivesThem(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .OriginCustomHeader("X-Origin-Secret", "s3cr3t")
            .Bind("*")
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo"));

        Assert.Equal(["s3cr3t"], echo.Header("X-Origin-Secret"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ConfigCustomHeaders_BehaviorWithSecondOrigin_ReachOnlyThatOrigin(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await new EdgeTestEnvironment(engine)
            .AddOrigin("second", second, new Dictionary<string, string> { ["X-Second-Secret"] = "two" })
            .Bind("/echo/second*", originId: "second")
            .Bind("*")
            .StartAsync();

        var toSecond = await Echo.ReadAsync(await env.Client.GetAsync("/echo/second"));
        var toDefault = await Echo.ReadAsync(await env.Client.GetAsync("/echo/first"));

        Assert.Equal(["two"], toSecond.Header("X-Second-Secret"));
        Assert.Empty(toDefault.Header("X-Second-Secret"));
        Assert.Equal(1, (await second.GetHitsAsync()).For("/echo/second"));
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/echo/first"));
    }
}
