using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>What viewer-request and origin-request functions change in the request the origin receives.</summary>
public sealed class RequestEventTests
{
    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_AddsHeaderAndRewritesUri_OriginSeesBoth(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("rewrite", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.uri = '/echo' + request.uri;
                  request.headers['x-rewritten'] = [{ key: 'X-Rewritten', value: request.uri }];
                  return request;
                };
                """)
            .Bind("*", viewerRequest: "rewrite")
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/docs/page?lang=en"));

        Assert.Equal("/echo/docs/page", echo.Path);
        Assert.Equal("lang=en", echo.Query);
        Assert.Equal(["/echo/docs/page"], echo.Header("X-Rewritten"));
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/echo/docs/page"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_ChangesQuerystringAndHeaders_OriginSeesThem(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("tweak", """
                exports.handler = (event, context, callback) => {
                  const request = event.Records[0].cf.request;
                  request.querystring = request.querystring + '&added=1';
                  request.headers['x-from-origin-request'] = [{ key: 'X-From-Origin-Request', value: 'yes' }];
                  delete request.headers['x-remove-me'];
                  callback(null, request);
                };
                """)
            .Bind("*", originRequest: "tweak")
            .StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/echo?a=1");
        request.Headers.Add("X-Remove-Me", "please");
        request.Headers.Add("X-Keep-Me", "thanks");

        var echo = await Echo.ReadAsync(await env.Client.SendAsync(request));

        Assert.Equal("a=1&added=1", echo.Query);
        Assert.Equal(["yes"], echo.Header("X-From-Origin-Request"));
        Assert.Equal(["thanks"], echo.Header("X-Keep-Me"));
        Assert.Empty(echo.Header("X-Remove-Me"));
    }

    [Theory]
    [InlineData("viewerRequest", "v8")]
    [InlineData("viewerRequest", "jint")]
    [InlineData("originRequest", "v8")]
    [InlineData("originRequest", "jint")]
    public async Task RequestEvent_TwoEntriesForOneHeader_OriginReceivesBothValues(string eventName, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("multi", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.headers['x-multi'] = [{ key: 'X-Multi', value: 'first' }, { key: 'X-Multi', value: 'second' }];
                  return request;
                };
                """)
            .Bind("*", viewerRequest: eventName == "viewerRequest" ? "multi" : null, originRequest: eventName == "originRequest" ? "multi" : null)
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo"));

        // .NET's HTTP client folds repeated request header lines into one, comma-separated (RFC 9110 §5.3).
        Assert.Equal(["first", "second"], echo.Header("X-Multi").SelectMany(v => v.Split(", ")));
    }

    [Theory]
    [InlineData("viewerRequest", "v8")]
    [InlineData("viewerRequest", "jint")]
    [InlineData("originRequest", "v8")]
    [InlineData("originRequest", "jint")]
    public async Task RequestEvent_HeaderWithoutKey_ArrivesTitleCased(string eventName, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("no-key", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.headers['x-my-header'] = [{ value: 'v' }];
                  return request;
                };
                """)
            .Bind("*", viewerRequest: eventName == "viewerRequest" ? "no-key" : null, originRequest: eventName == "originRequest" ? "no-key" : null)
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo"));

        Assert.Equal("X-My-Header", echo.HeaderName("x-my-header"));
        Assert.Equal(["v"], echo.Header("X-My-Header"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_ChangesHostHeader_OriginReceivesThatHost(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("host", """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  request.headers.host = [{ key: 'Host', value: 'origin.example' }];
                  return request;
                };
                """)
            .Bind("*", originRequest: "host")
            .StartAsync();

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo"));

        Assert.Equal(["origin.example"], echo.Header("Host"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_ReturnsRequestUnchanged_ForwardsItAsSent(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("identity", "exports.handler = (event, context, callback) => callback(null, event.Records[0].cf.request);")
            .Bind("*", viewerRequest: "identity")
            .StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/echo/a%2Fb?q=%C3%A9&q=2") { Content = new StringContent("payload") };
        request.Headers.Add("X-Custom", "value");

        var response = await env.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await Echo.ReadAsync(response);
        Assert.Equal("PUT", echo.Method);
        Assert.Equal("/echo/a%2Fb", echo.Path);
        Assert.Equal("q=%C3%A9&q=2", echo.Query);
        Assert.Equal(["value"], echo.Header("X-Custom"));
        Assert.Equal("payload", echo.Body);
    }
}
