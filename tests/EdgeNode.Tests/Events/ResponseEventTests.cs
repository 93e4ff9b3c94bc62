using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>What origin-response and viewer-response functions change in the answer the viewer receives.</summary>
public sealed class ResponseEventTests
{
    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginResponse_ChangesStatusAndHeaders_ViewerSeesThem(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("rewrite-response", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.status = '202';
                  response.statusDescription = 'Accepted';
                  response.headers['x-origin-said'] = [{ key: 'X-Origin-Said', value: response.headers['x-from-origin'][0].value }];
                  delete response.headers['x-from-origin'];
                  return response;
                };
                """)
            .Bind("*", originResponse: "rewrite-response")
            .StartAsync();

        var response = await env.Client.GetAsync("/headers?X-From-Origin=hello");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Accepted", response.ReasonPhrase);
        Assert.Equal("hello", response.Header("X-Origin-Said"));
        Assert.Null(response.Header("X-From-Origin"));
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginResponse_SetsBody_ViewerGetsNewBody(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("replace-body", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.body = 'replaced by origin-response';
                  return response;
                };
                """)
            .Bind("*", originResponse: "replace-body")
            .StartAsync();

        var response = await env.Client.GetAsync("/about.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("replaced by origin-response", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("204", HttpStatusCode.NoContent, "v8")]
    [InlineData("204", HttpStatusCode.NoContent, "jint")]
    [InlineData("304", HttpStatusCode.NotModified, "v8")]
    [InlineData("304", HttpStatusCode.NotModified, "jint")]
    public async Task OriginResponse_ChangesStatusToOneWithoutBody_DropsTheOriginBody(string status, HttpStatusCode expected, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("no-content", $$"""
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.status = '{{status}}';
                  return response;
                };
                """)
            .Bind("*", originResponse: "no-content")
            .StartAsync();

        var response = await env.Client.GetAsync("/about.html");

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(expected, (await env.Client.GetAsync("/echo")).StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginResponse_OriginAnswers304_PassesItOn(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("identity", "exports.handler = async (event) => event.Records[0].cf.response;")
            .Bind("*", originResponse: "identity")
            .StartAsync();
        var etag = (await env.Client.GetAsync("/about.html")).Headers.ETag;
        Assert.NotNull(etag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/about.html");
        conditional.Headers.IfNoneMatch.Add(etag);

        var response = await env.Client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerResponse_AddsHeader_ViewerSeesItWithOriginBody(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("security-headers", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
                  return response;
                };
                """)
            .Bind("*", viewerResponse: "security-headers")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=63072000", response.Header("Strict-Transport-Security"));
        Assert.Equal("200 OK\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerResponse_SetsBody_ViewerGetsNewBody(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("maintenance", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.body = 'down for maintenance';
                  response.headers['content-type'] = [{ key: 'Content-Type', value: 'text/plain' }];
                  return response;
                };
                """)
            .Bind("*", viewerResponse: "maintenance")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("down for maintenance", await response.Content.ReadAsStringAsync());
        Assert.Equal(20, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerResponse_BodyOver40KB_Answers502(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("huge", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.body = 'x'.repeat(41 * 1024);
                  return response;
                };
                """)
            .Bind("*", viewerResponse: "huge")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("LambdaValidationError from edge", response.Header("X-Cache"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerResponse_ChangesStatus_StatusIsKept(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("status", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.status = '500';
                  return response;
                };
                """)
            .Bind("*", viewerResponse: "status")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("originResponse", "v8")]
    [InlineData("originResponse", "jint")]
    [InlineData("viewerResponse", "v8")]
    [InlineData("viewerResponse", "jint")]
    public async Task ResponseEvent_TwoEntriesForOneHeader_ViewerReceivesTwoHeaderLines(string eventName, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("multi", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.headers['x-multi'] = [{ key: 'X-Multi', value: 'first' }, { key: 'X-Multi', value: 'second' }];
                  return response;
                };
                """)
            .Bind("*", originResponse: eventName == "originResponse" ? "multi" : null, viewerResponse: eventName == "viewerResponse" ? "multi" : null)
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Equal(["first", "second"], response.HeaderValues("X-Multi"));
    }

    [Theory]
    [InlineData("originResponse", "v8")]
    [InlineData("originResponse", "jint")]
    [InlineData("viewerResponse", "v8")]
    [InlineData("viewerResponse", "jint")]
    public async Task ResponseEvent_HeaderWithoutKey_ArrivesTitleCased(string eventName, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("no-key", """
                exports.handler = async (event) => {
                  const response = event.Records[0].cf.response;
                  response.headers['x-my-header'] = [{ value: 'v' }];
                  return response;
                };
                """)
            .Bind("*", originResponse: eventName == "originResponse" ? "no-key" : null, viewerResponse: eventName == "viewerResponse" ? "no-key" : null)
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        Assert.Contains("X-My-Header", response.HeaderNames());
        Assert.Equal("v", response.Header("X-My-Header"));
    }
}
