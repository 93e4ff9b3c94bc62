using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>
/// The event and context a function receives, read back from functions that serialise them: AWS's
/// Lambda@Edge shapes (DESIGN §3) in every event.
/// </summary>
public sealed class EventInputBuilderTests
{
    private const string CaptureScript = """
        function capture(event, context) {
          return JSON.stringify({
            event: event,
            context: {
              functionName: context.functionName,
              functionVersion: context.functionVersion,
              awsRequestId: context.awsRequestId,
              memoryLimitInMB: context.memoryLimitInMB,
              remaining: context.getRemainingTimeInMillis(),
              callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
            },
          });
        }
        """;

    /// <summary>Request events: the capture is the generated response's body.</summary>
    private const string CaptureAsGeneratedBody = CaptureScript + """

        exports.handler = async (event, context) => ({ status: '200', body: capture(event, context) });
        """;

    /// <summary>origin-response: the capture replaces the origin's body.</summary>
    private const string CaptureAsOriginResponseBody = CaptureScript + """

        exports.handler = async (event, context) => {
          const response = event.Records[0].cf.response;
          response.body = capture(event, context);
          return response;
        };
        """;

    /// <summary>viewer-response cannot set a body: the capture travels in a header, URI-encoded.</summary>
    private const string CaptureAsHeader = CaptureScript + """

        exports.handler = async (event, context) => {
          const response = event.Records[0].cf.response;
          response.headers['x-capture'] = [{ key: 'X-Capture', value: encodeURIComponent(capture(event, context)) }];
          return response;
        };
        """;

    [Fact]
    public async Task ViewerRequest_Event_HasAwsConfigRequestAndContextFields()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("capture", CaptureAsGeneratedBody)
            .Bind("*", viewerRequest: "capture")
            .StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/path/page.html?b=2&a=%20x");
        request.Headers.Add("X-Custom", ["one", "two"]);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await env.Client.SendAsync(request);

        var (cf, context) = ReadCapture(await response.Content.ReadAsStringAsync());
        var requestId = response.Header("X-Amz-Cf-Id");
        AssertConfig(cf, "viewer-request", requestId);
        var r = cf.GetProperty("request");
        Assert.Equal("127.0.0.1", r.GetProperty("clientIp").GetString());
        Assert.Equal("GET", r.GetProperty("method").GetString());
        Assert.Equal("/path/page.html", r.GetProperty("uri").GetString());
        Assert.Equal("b=2&a=%20x", r.GetProperty("querystring").GetString());
        var headers = r.GetProperty("headers");
        Assert.All(headers.EnumerateObject(), h => Assert.Equal(h.Name.ToLowerInvariant(), h.Name));
        Assert.Equal($"127.0.0.1:{env.Client.BaseAddress!.Port}", Single(headers, "host", "Host"));
        Assert.Equal("one, two", Single(headers, "x-custom", "X-Custom"));
        Assert.False(headers.TryGetProperty("x-forwarded-proto", out _), "a disallowed header is hidden from functions");
        Assert.False(r.TryGetProperty("origin", out _));
        Assert.False(r.TryGetProperty("body", out _));
        Assert.False(cf.TryGetProperty("response", out _));

        Assert.Equal("capture", context.GetProperty("functionName").GetString());
        Assert.Equal("$LATEST", context.GetProperty("functionVersion").GetString());
        Assert.Equal(requestId, context.GetProperty("awsRequestId").GetString());
        Assert.Equal("128", context.GetProperty("memoryLimitInMB").GetString());
        Assert.True(context.GetProperty("remaining").GetDouble() > 0);
        Assert.True(context.GetProperty("callbackWaitsForEmptyEventLoop").GetBoolean());
    }

    [Fact]
    public async Task OriginRequest_Event_HasCustomOriginAndOriginHost()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("capture", CaptureAsGeneratedBody)
            .OriginCustomHeader("X-Origin-Secret", "s3cr3t")
            .Bind("*", originRequest: "capture")
            .StartAsync();

        var response = await env.Client.GetAsync("/echo?q=1");

        var (cf, _) = ReadCapture(await response.Content.ReadAsStringAsync());
        AssertConfig(cf, "origin-request", response.Header("X-Amz-Cf-Id"));
        var r = cf.GetProperty("request");
        Assert.Equal("/echo", r.GetProperty("uri").GetString());
        Assert.Equal("q=1", r.GetProperty("querystring").GetString());
        Assert.Equal($"127.0.0.1:{env.Origin.Port}", Single(r.GetProperty("headers"), "host", "Host"));
        var origin = r.GetProperty("origin");
        Assert.Equal(["custom"], origin.EnumerateObject().Select(p => p.Name));
        var custom = origin.GetProperty("custom");
        Assert.Equal("s3cr3t", Single(custom.GetProperty("customHeaders"), "x-origin-secret", "X-Origin-Secret"));
        Assert.Equal("127.0.0.1", custom.GetProperty("domainName").GetString());
        Assert.Equal(5, custom.GetProperty("keepaliveTimeout").GetInt32());
        Assert.Equal("", custom.GetProperty("path").GetString());
        Assert.Equal(env.Origin.Port, custom.GetProperty("port").GetInt32());
        Assert.Equal("http", custom.GetProperty("protocol").GetString());
        Assert.Equal(30, custom.GetProperty("readTimeout").GetInt32());
        Assert.Equal(JsonValueKind.Array, custom.GetProperty("sslProtocols").ValueKind);
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Fact]
    public async Task OriginResponse_Event_HasResponseWithStatusAsString()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("capture", CaptureAsOriginResponseBody)
            .Bind("*", originResponse: "capture")
            .StartAsync();

        var response = await env.Client.GetAsync("/headers?X-From-Origin=1");

        var (cf, _) = ReadCapture(await response.Content.ReadAsStringAsync());
        AssertConfig(cf, "origin-response", response.Header("X-Amz-Cf-Id"));
        Assert.True(cf.GetProperty("request").TryGetProperty("origin", out _));
        var r = cf.GetProperty("response");
        Assert.Equal(JsonValueKind.String, r.GetProperty("status").ValueKind);
        Assert.Equal("200", r.GetProperty("status").GetString());
        Assert.Equal("OK", r.GetProperty("statusDescription").GetString());
        Assert.Equal("1", Single(r.GetProperty("headers"), "x-from-origin", "X-From-Origin"));
    }

    [Fact]
    public async Task ViewerResponse_Event_HasResponseWithStatusAsString()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("capture", CaptureAsHeader)
            .Bind("*", viewerResponse: "capture")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/201");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (cf, _) = ReadCapture(Uri.UnescapeDataString(response.Header("X-Capture")!));
        AssertConfig(cf, "viewer-response", response.Header("X-Amz-Cf-Id"));
        Assert.False(cf.GetProperty("request").TryGetProperty("origin", out _));
        Assert.Equal("201", cf.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal("Created", cf.GetProperty("response").GetProperty("statusDescription").GetString());
    }

    private static void AssertConfig(JsonElement cf, string eventType, string? requestId)
    {
        var config = cf.GetProperty("config");
        Assert.Equal(TestDistribution.DomainName, config.GetProperty("distributionDomainName").GetString());
        Assert.Equal(TestDistribution.Id, config.GetProperty("distributionId").GetString());
        Assert.Equal(eventType, config.GetProperty("eventType").GetString());
        Assert.NotNull(requestId);
        Assert.Equal(requestId, config.GetProperty("requestId").GetString());
    }

    /// <summary>The value of a header that must occur once, checking its <c>key</c> too.</summary>
    private static string? Single(JsonElement headers, string name, string key)
    {
        var entry = Assert.Single(headers.GetProperty(name).EnumerateArray());
        Assert.Equal(key, entry.GetProperty("key").GetString());
        return entry.GetProperty("value").GetString();
    }

    private static (JsonElement Cf, JsonElement Context) ReadCapture(string json)
    {
        var root = JsonElement.Parse(json);
        var record = Assert.Single(root.GetProperty("event").GetProperty("Records").EnumerateArray());
        return (record.GetProperty("cf"), root.GetProperty("context"));
    }
}
