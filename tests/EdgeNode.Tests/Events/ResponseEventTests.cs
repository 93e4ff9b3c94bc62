using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>What origin-response and viewer-response functions change in the answer the viewer receives.</summary>
public sealed class ResponseEventTests
{
    [Fact]
    public async Task OriginResponse_ChangesStatusAndHeaders_ViewerSeesThem()
    {
        await using var env = await new EdgeTestEnvironment()
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

    [Fact]
    public async Task OriginResponse_SetsBody_ViewerGetsNewBody()
    {
        await using var env = await new EdgeTestEnvironment()
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

    [Fact]
    public async Task ViewerResponse_AddsHeader_ViewerSeesItWithOriginBody()
    {
        await using var env = await new EdgeTestEnvironment()
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

    [Fact]
    public async Task ViewerResponse_ChangesStatus_StatusIsKept()
    {
        await using var env = await new EdgeTestEnvironment()
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
    [InlineData("originResponse")]
    [InlineData("viewerResponse")]
    public async Task ResponseEvent_TwoEntriesForOneHeader_ViewerReceivesTwoHeaderLines(string eventName)
    {
        await using var env = await new EdgeTestEnvironment()
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
    [InlineData("originResponse")]
    [InlineData("viewerResponse")]
    public async Task ResponseEvent_HeaderWithoutKey_ArrivesTitleCased(string eventName)
    {
        await using var env = await new EdgeTestEnvironment()
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
