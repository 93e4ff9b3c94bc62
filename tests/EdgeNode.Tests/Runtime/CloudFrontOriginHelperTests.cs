using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// The cloudfront module's origin helpers in viewer-request functions, end to end: the node really
/// sends the request to the origin the function chose.
/// </summary>
public sealed class CloudFrontOriginHelperTests
{
    private static async Task<EdgeTestEnvironment> StartAsync(string engine, string call, TestOrigin second) =>
        await new EdgeTestEnvironment(engine)
            .Function("cff", "import cf from 'cloudfront';\nfunction handler(event) {\n" + call + "\nreturn event.request;\n}",
                """{"runtime": "cloudfront-js-2.0"}""")
            .AddOrigin("other", second)
            .Bind("*", viewerRequest: "cff")
            .StartAsync();

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SelectRequestOriginById_SecondOriginGetsTheRequest(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await StartAsync(engine, "cf.selectRequestOriginById('other');", second);

        var response = await env.Client.GetAsync("/echo/selected");

        Assert.True(response.StatusCode == HttpStatusCode.OK, env.Logs.Dump());
        Assert.Equal(1, (await second.GetHitsAsync()).For("/echo/selected"));
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task UpdateRequestOrigin_PortAndCustomHeaders_Apply(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await StartAsync(engine,
            $"cf.updateRequestOrigin({{ domainName: '127.0.0.1', customOriginConfig: {{ port: {second.Port}, protocol: 'http' }}, customHeaders: {{ 'x-origin-secret': 's3cr3t' }} }});",
            second);

        var response = await env.Client.GetAsync("/echo/updated");

        var echo = await Echo.ReadAsync(response);
        Assert.Equal(["s3cr3t"], echo.Header("x-origin-secret"));
        Assert.Equal(1, (await second.GetHitsAsync()).For("/echo/updated"));
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CreateRequestOriginGroup_FirstOriginOfTheGroupGetsTheRequest(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await StartAsync(engine,
            "cf.createRequestOriginGroup({ originIds: ['other', 'sample'], failoverCriteria: { statusCodes: [500, 502] } });", second);

        var response = await env.Client.GetAsync("/echo/group");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await second.GetHitsAsync()).For("/echo/group"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CreateRequestOriginGroup_FailoverStatus_SecondOriginAnswers(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await StartAsync(engine,
            "cf.createRequestOriginGroup({ originIds: ['sample', 'other'], failoverCriteria: { statusCodes: [503] } });", second);

        var failing = await env.Client.GetAsync("/status/503");
        var fine = await env.Client.GetAsync("/echo/fine");

        // The first origin answered 503: the same request went to the second, whose answer the viewer got.
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/status/503"));
        Assert.Equal(1, (await second.GetHitsAsync()).For("/status/503"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(0, (await second.GetHitsAsync()).For("/echo/fine"));
        Assert.Single(env.Logs.Containing("failing over to other"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CreateRequestOriginGroup_FirstOriginUnreachable_SecondOriginAnswers(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        // Bound but not listening: the port stays ours, and connecting to it is refused.
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("cff", "import cf from 'cloudfront';\nfunction handler(event) {\n" +
                "cf.createRequestOriginGroup({ originIds: ['down', 'other'], failoverCriteria: { statusCodes: [500] } });\nreturn event.request;\n}",
                """{"runtime": "cloudfront-js-2.0"}""")
            .AddOrigin("down", port)
            .AddOrigin("other", second)
            .Bind("*", viewerRequest: "cff")
            .StartAsync();

        var response = await env.Client.GetAsync("/echo/rescued");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await second.GetHitsAsync()).For("/echo/rescued"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SelectRequestOriginById_UnknownId_Is502(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await StartAsync(engine, "cf.selectRequestOriginById('nope');", second);

        var response = await env.Client.GetAsync("/echo/x");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await env.Logs.WaitForAsync("no origin with id 'nope'");
    }
}
