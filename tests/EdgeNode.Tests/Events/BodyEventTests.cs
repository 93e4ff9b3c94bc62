using System.Net;
using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary><c>includeBody</c>: the request body as request events see it, truncation, and replacement.</summary>
public sealed class BodyEventTests
{
    /// <summary>Answers with <c>request.body</c> as the function received it.</summary>
    private const string ShowBody = """
        exports.handler = async (event) => ({
          status: '200',
          headers: { 'content-type': [{ key: 'Content-Type', value: 'application/json' }] },
          body: JSON.stringify(event.Records[0].cf.request.body === undefined ? 'absent' : event.Records[0].cf.request.body),
        });
        """;

    [Theory]
    [InlineData("viewerRequest", "v8")]
    [InlineData("viewerRequest", "jint")]
    [InlineData("originRequest", "v8")]
    [InlineData("originRequest", "jint")]
    public async Task IncludeBody_PostBody_FunctionSeesItAsBase64(string eventName, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("show", ShowBody)
            .Bind("*", viewerRequest: eventName == "viewerRequest" ? "show" : null,
                originRequest: eventName == "originRequest" ? "show" : null, includeBody: true)
            .StartAsync();

        var response = await env.Client.PostAsync("/form", new StringContent("name=edge&kind=node"));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(Convert.ToBase64String("name=edge&kind=node"u8), root.GetProperty("data").GetString());
        Assert.False(root.GetProperty("inputTruncated").GetBoolean());
        Assert.Equal("read-only", root.GetProperty("action").GetString());
        Assert.Equal("base64", root.GetProperty("encoding").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task IncludeBody_NotSet_EventHasNoBody(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("show", ShowBody)
            .Bind("*", viewerRequest: "show")
            .StartAsync();

        var response = await env.Client.PostAsync("/form", new StringContent("secret"));

        Assert.Equal("\"absent\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task IncludeBody_BodyOver40KbInViewerRequest_FunctionSeesTruncatedBodyButOriginGetsAll(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("measure", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.headers['x-truncated'] = [{ key: 'X-Truncated', value: String(request.body.inputTruncated) }];
                  request.headers['x-data-chars'] = [{ key: 'X-Data-Chars', value: String(request.body.data.length) }];
                  return request;
                };
                """)
            .Bind("*", viewerRequest: "measure", includeBody: true)
            .StartAsync();
        var payload = new string('x', 100_000);

        var echo = await Echo.ReadAsync(await env.Client.PostAsync("/echo", new StringContent(payload)));

        Assert.Equal(["true"], echo.Header("X-Truncated"));
        Assert.Equal([Convert.ToBase64String(new byte[40 * 1024]).Length.ToString()], echo.Header("X-Data-Chars"));
        Assert.Equal(100_000, echo.BodyLength);
        Assert.Equal(payload, echo.Body);
    }

    [Theory]
    [InlineData("text", "replaced body", "v8")]
    [InlineData("text", "replaced body", "jint")]
    [InlineData("base64", "cmVwbGFjZWQgYm9keQ==", "v8")]
    [InlineData("base64", "cmVwbGFjZWQgYm9keQ==", "jint")]
    public async Task IncludeBody_ActionReplace_OriginGetsNewBody(string encoding, string data, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("replace", $$"""
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.body.action = 'replace';
                  request.body.encoding = '{{encoding}}';
                  request.body.data = '{{data}}';
                  return request;
                };
                """)
            .Bind("*", viewerRequest: "replace", includeBody: true)
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.PostAsync("/echo", new StringContent("original, much longer body")));

        Assert.Equal("replaced body", echo.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount("replaced body"), echo.BodyLength);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task IncludeBody_ReadOnlyBodyReturned_OriginGetsOriginalBody(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("identity", "exports.handler = async (event) => event.Records[0].cf.request;")
            .Bind("*", originRequest: "identity", includeBody: true)
            .StartAsync();

        var response = await env.Client.PostAsync("/echo", new StringContent("untouched"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("untouched", (await Echo.ReadAsync(response)).Body);
    }
}
