using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Pipeline;

/// <summary>
/// The request path of DESIGN §1: which stages run, in which order, and what reaches the origin and
/// the viewer. Three actors on loopback: the sample origin, the edge node, a client.
/// </summary>
public sealed class EdgeRequestHandlerTests
{
    private const string MarkViewerResponse = """
        exports.handler = async (event) => {
          const response = event.Records[0].cf.response;
          response.headers['x-viewer-response'] = [{ key: 'X-Viewer-Response', value: 'ran' }];
          return response;
        };
        """;

    private const string MarkOriginResponse = """
        exports.handler = async (event) => {
          const response = event.Records[0].cf.response;
          response.headers['x-origin-response'] = [{ key: 'X-Origin-Response', value: 'ran' }];
          return response;
        };
        """;

    private const string GenerateTeapotPage = """
        exports.handler = async () => ({
          status: '200',
          statusDescription: 'OK',
          headers: {
            'content-type': [{ key: 'Content-Type', value: 'text/plain' }],
            'x-generated': [{ key: 'X-Generated', value: 'yes' }],
          },
          body: 'generated at the edge',
        });
        """;

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_NoFunctions_ProxiesToOriginWithRequestIdAndVia(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine).Bind("*").StartAsync();

        var response = await env.Client.GetAsync("/echo/plain?x=1&y=%20z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await Echo.ReadAsync(response);
        Assert.Equal("/echo/plain", echo.Path);
        Assert.Equal("x=1&y=%20z", echo.Query);
        Assert.Equal([response.Header("X-Amz-Cf-Id")!], echo.Header("X-Amz-Cf-Id"));
        Assert.Contains(echo.Header("Via"), v => v.Contains(TestDistribution.NodeId, StringComparison.Ordinal));
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/echo/plain"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_ViewerRequestGeneratesResponse_AnswersWithoutOriginOrViewerResponse(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("generate", GenerateTeapotPage)
            .Function("mark", MarkViewerResponse)
            .Bind("*", viewerRequest: "generate", viewerResponse: "mark")
            .StartAsync();

        var response = await env.Client.GetAsync("/echo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("generated at the edge", await response.Content.ReadAsStringAsync());
        Assert.Equal("yes", response.Header("X-Generated"));
        Assert.Equal("text/plain", response.Header("Content-Type"));
        Assert.Null(response.Header("X-Viewer-Response"));
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_ViewerRequestGeneratesBase64Body_SendsDecodedBytes(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("image", """
                exports.handler = (event, context, callback) => callback(null, {
                  status: 201,
                  headers: { 'content-type': [{ key: 'Content-Type', value: 'application/octet-stream' }] },
                  bodyEncoding: 'base64',
                  body: 'AAEC/w==',
                });
                """)
            .Bind("*", viewerRequest: "image")
            .StartAsync();

        var response = await env.Client.GetAsync("/image.bin");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, response.Content.Headers.ContentLength);
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_GeneratedNoContentWithBody_AnswersWithoutBody(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("preflight", """
                exports.handler = async () => ({
                  status: '204',
                  headers: { 'access-control-allow-origin': [{ key: 'Access-Control-Allow-Origin', value: '*' }] },
                  body: 'ignored',
                });
                """)
            .Bind("*", viewerRequest: "preflight")
            .StartAsync();

        var response = await env.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/items"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_OriginRequestGeneratesResponse_AnswersWithoutOriginButRunsViewerResponse(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("generate", GenerateTeapotPage)
            .Function("mark", MarkViewerResponse)
            .Function("mark-origin", MarkOriginResponse)
            .Bind("*", originRequest: "generate", originResponse: "mark-origin", viewerResponse: "mark")
            .StartAsync();

        var response = await env.Client.GetAsync("/echo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("generated at the edge", await response.Content.ReadAsStringAsync());
        Assert.Equal("ran", response.Header("X-Viewer-Response"));
        Assert.Null(response.Header("X-Origin-Response"));
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_OriginAnswers404_RunsOriginResponseButSkipsViewerResponse(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("mark", MarkViewerResponse)
            .Function("mark-origin", MarkOriginResponse)
            .Bind("*", originResponse: "mark-origin", viewerResponse: "mark")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ran", response.Header("X-Origin-Response"));
        Assert.Null(response.Header("X-Viewer-Response"));
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/status/404"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_RunViewerResponseOnErrors_RunsViewerResponseOn404(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("mark", MarkViewerResponse)
            .Bind("*", viewerResponse: "mark")
            .RunViewerResponseOnErrors()
            .StartAsync();

        var notFound = await env.Client.GetAsync("/status/404");
        var ok = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("ran", notFound.Header("X-Viewer-Response"));
        Assert.Equal("ran", ok.Header("X-Viewer-Response"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_ViewerRequestChangesUri_KeepsTheMatchedCacheBehavior(string engine)
    {
        // "/echo/api*" has its own origin-request function; a viewer-request rewrite into that path
        // must still run the origin-request function of the behaviour the viewer's path matched.
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("rewrite", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.uri = '/echo/api';
                  return request;
                };
                """)
            .Function("tag-api", TagOriginRequest("api"))
            .Function("tag-default", TagOriginRequest("default"))
            .Bind("/echo/api*", originRequest: "tag-api")
            .Bind("*", viewerRequest: "rewrite", originRequest: "tag-default")
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/anything"));

        Assert.Equal("/echo/api", echo.Path);
        Assert.Equal(["default"], echo.Header("X-Tagged-By"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_OriginDown_Answers502ErrorFromEdge(string engine)
    {
        // Bound but not listening: the port stays ours, and connecting to it is refused.
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        await using var env = await new EdgeTestEnvironment(engine).AddOrigin("down", port).Bind("*", originId: "down").StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("Error from edge", response.Header("X-Cache"));
        Assert.Contains(response.Header("X-Amz-Cf-Id")!, await response.Content.ReadAsStringAsync());
        await env.Logs.WaitForAsync($"{response.Header("X-Amz-Cf-Id")} origin http://127.0.0.1:{port} failed");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HandleAsync_EveryKindOfAnswer_CarriesCloudFrontRequestIdAndVia(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("generate", GenerateTeapotPage)
            .Function("invalid", "exports.handler = async () => 'not an object';")
            .Function("throws", "exports.handler = async () => { throw new Error('boom'); };")
            .Bind("/generated", viewerRequest: "generate")
            .Bind("/invalid", viewerRequest: "invalid")
            .Bind("/throws", viewerRequest: "throws")
            .Bind("*")
            .StartAsync();

        var ids = new HashSet<string>();
        foreach (var path in new[] { "/echo", "/status/500", "/generated", "/invalid", "/throws", "/" })
        {
            var response = await env.Client.GetAsync(path);

            var id = response.Header("X-Amz-Cf-Id");
            Assert.NotNull(id);
            Assert.Equal(56, id.Length);
            Assert.EndsWith("==", id);
            Assert.True(ids.Add(id), $"{path}: request id {id} was already used");
            Assert.Contains($"1.1 {TestDistribution.NodeId} (EdgeCompute)", response.Header("Via"));
        }
    }

    private static string TagOriginRequest(string tag) => $$"""
        exports.handler = async (event) => {
          const request = event.Records[0].cf.request;
          request.headers['x-tagged-by'] = [{ key: 'X-Tagged-By', value: '{{tag}}' }];
          return request;
        };
        """;
}
