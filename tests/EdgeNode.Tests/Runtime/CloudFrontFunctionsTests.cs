using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// CloudFront Functions (runtimes cloudfront-js-1.0 and 2.0) on viewer events, end to end through the
/// node: the event shape as AWS documents it, results converted back (cookies, multiValue,
/// querystring object or string, statusCode), 1.0 against 2.0, errors, compute utilisation.
/// </summary>
public sealed class CloudFrontFunctionsTests
{
    private const string Cff2 = """{"runtime": "cloudfront-js-2.0"}""";
    private const string Cff1 = """{"runtime": "cloudfront-js-1.0"}""";

    private static Task<EdgeTestEnvironment> StartAsync(string engine, string code, string settings = Cff2, string? viewerResponse = null) =>
        new EdgeTestEnvironment(engine)
            .Function("cff", code, settings)
            .Bind("*", viewerRequest: viewerResponse is null ? "cff" : null, viewerResponse: viewerResponse is null ? null : "cff")
            .StartAsync();

    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(EdgeTestEnvironment env, string path,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await env.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>A viewer-request function answering with the JSON of whatever <paramref name="expression"/> computes from <c>event</c>.</summary>
    private static string Answer(string expression) =>
        "function handler(event) { return { statusCode: 200, statusDescription: 'OK', body: JSON.stringify(" + expression + ") }; }";

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_EventShape_IsAwsCloudFrontFunctionsEvent(string engine)
    {
        await using var env = await StartAsync(engine, Answer("event"));

        var (status, body, _) = await GetAsync(env, "/a/b.html?x=1&x=2&y=3", ("Cookie", "id=42; theme=dark; id=43"), ("X-Custom", "v"));

        Assert.True(status == HttpStatusCode.OK, body + "\n" + env.Logs.Dump());
        var e = JsonElement.Parse(body);
        Assert.Equal("1.0", e.GetProperty("version").GetString());
        var context = e.GetProperty("context");
        Assert.Equal("viewer-request", context.GetProperty("eventType").GetString());
        Assert.Equal(["distributionDomainName", "distributionId", "eventType", "requestId"], context.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("127.0.0.1", e.GetProperty("viewer").GetProperty("ip").GetString());
        var request = e.GetProperty("request");
        Assert.Equal("GET", request.GetProperty("method").GetString());
        Assert.Equal("/a/b.html", request.GetProperty("uri").GetString());
        Assert.Equal("""{"value":"1","multiValue":[{"value":"1"},{"value":"2"}]}""", request.GetProperty("querystring").GetProperty("x").GetRawText());
        Assert.Equal("""{"value":"3"}""", request.GetProperty("querystring").GetProperty("y").GetRawText());
        Assert.Equal("""{"value":"v"}""", request.GetProperty("headers").GetProperty("x-custom").GetRawText());
        Assert.False(request.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.Equal("""{"value":"42","multiValue":[{"value":"42"},{"value":"43"}]}""", request.GetProperty("cookies").GetProperty("id").GetRawText());
        Assert.Equal("""{"value":"dark"}""", request.GetProperty("cookies").GetProperty("theme").GetRawText());
        Assert.False(e.TryGetProperty("response", out _));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_ChangedHeadersCookiesQuerystring_ReachTheOrigin(string engine)
    {
        await using var env = await StartAsync(engine, """
            function handler(event) {
              var r = event.request;
              r.uri = '/echo/changed';
              r.headers['x-added'] = { value: 'yes', multiValue: [{ value: 'yes' }, { value: 'again' }] };
              delete r.headers['x-drop'];
              r.cookies.session = { value: 'abc' };
              r.querystring.q = { value: 'new' };
              delete r.querystring.old;
              return r;
            }
            """);

        var (status, body, response) = await GetAsync(env, "/x?old=1&keep=2", ("Cookie", "a=1"), ("X-Drop", "1"));

        Assert.True(status == HttpStatusCode.OK, body + "\n" + env.Logs.Dump());
        var echo = await Echo.ReadAsync(response);
        Assert.Equal("/echo/changed", echo.Path);
        Assert.Equal("keep=2&q=new", echo.Query);
        Assert.Equal(["yes", "again"], echo.Header("x-added").SelectMany(v => v.Split(", ")));
        Assert.Empty(echo.Header("x-drop"));
        Assert.Equal(["a=1; session=abc"], echo.Header("cookie"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_QuerystringAssignedAsString_IsAccepted(string engine)
    {
        await using var env = await StartAsync(engine,
            "function handler(event) { event.request.querystring = 'a=1&b=two'; event.request.uri = '/echo'; return event.request; }");

        var (_, _, response) = await GetAsync(env, "/?z=9");

        Assert.Equal("a=1&b=two", (await Echo.ReadAsync(response)).Query);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_UnchangedRequest_PassesThroughUntouched(string engine)
    {
        await using var env = await StartAsync(engine, "function handler(event) { return event.request; }");

        var (_, _, response) = await GetAsync(env, "/echo?a&b=1", ("Cookie", "x=1;y=2"));

        var echo = await Echo.ReadAsync(response);
        Assert.Equal("a&b=1", echo.Query);
        Assert.Equal(["x=1;y=2"], echo.Header("cookie"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_GeneratedResponse_NumericStatusCookiesWithAttributesAndBody(string engine)
    {
        await using var env = await StartAsync(engine, """
            function handler(event) {
              return {
                statusCode: 302, statusDescription: 'Found',
                headers: { location: { value: 'https://example.com/' }, 'x-multi': { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] } },
                cookies: { s: { value: 'a', attributes: 'Secure; Path=/' }, t: { value: '1', multiValue: [{ value: '1' }, { value: '2', attributes: 'HttpOnly' }] } },
                body: { encoding: 'text', data: 'moved' },
              };
            }
            """);

        var (status, body, response) = await GetAsync(env, "/");

        Assert.Equal(HttpStatusCode.Found, status);
        Assert.Equal("moved", body);
        Assert.Equal("https://example.com/", response.Headers.Location!.ToString());
        Assert.Equal(["a", "b"], response.Headers.GetValues("x-multi").SelectMany(v => v.Split(", ")));
        Assert.Equal(["s=a; Secure; Path=/", "t=1", "t=2; HttpOnly"], response.Headers.GetValues("Set-Cookie"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_GeneratedResponse_BodyAsStringAndBase64(string engine)
    {
        await using var env = await StartAsync(engine, """
            function handler(event) {
              if (event.request.uri === '/b64') return { statusCode: 200, body: { encoding: 'base64', data: 'aGVsbG8=' } };
              return { statusCode: 404, body: 'plain' };
            }
            """);

        Assert.Equal((HttpStatusCode.NotFound, "plain"), ((await GetAsync(env, "/s")).Status, (await GetAsync(env, "/s")).Body));
        Assert.Equal("hello", (await GetAsync(env, "/b64")).Body);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerResponse_EventShape_AndChangesApply(string engine)
    {
        await using var env = await StartAsync(engine, """
            async function handler(event) {
              var res = event.response;
              res.headers['x-status-type'] = { value: typeof res.statusCode + ':' + res.statusCode };
              res.headers['x-has-request'] = { value: String(event.request.uri) + ':' + event.context.eventType };
              res.cookies.visited = { value: 'yes', attributes: 'Max-Age=60' };
              res.statusCode = 201;
              res.statusDescription = 'Created';
              return res;
            }
            """, viewerResponse: "cff");

        var (status, _, response) = await GetAsync(env, "/echo/x");

        Assert.True(status == HttpStatusCode.Created, status + ": " + string.Join(",", response.Headers) + env.Logs.Dump());
        Assert.Equal("number:200", response.Headers.GetValues("x-status-type").Single());
        Assert.Equal("/echo/x:viewer-response", response.Headers.GetValues("x-has-request").Single());
        Assert.Equal(["visited=yes; Max-Age=60"], response.Headers.GetValues("Set-Cookie"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerResponse_SetCookieFromOrigin_IsSplitIntoCookiesWithAttributes_AndKeptWhenUnchanged(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("setcookies", """
                exports.handler = async (event) => {
                  const r = event.Records[0].cf.response;
                  r.headers['set-cookie'] = [{ key: 'Set-Cookie', value: 'a=1; Path=/' }, { key: 'Set-Cookie', value: 'a=2; Secure' }, { key: 'Set-Cookie', value: 'b=x' }];
                  return r;
                };
                """)
            .Function("cff", """
                function handler(event) {
                  var res = event.response;
                  res.headers['x-cookies'] = { value: JSON.stringify(res.cookies) };
                  res.headers['x-top'] = { value: Object.keys(event).sort().join(',') };
                  return res;
                }
                """, Cff1)
            .Bind("*", originResponse: "setcookies", viewerResponse: "cff")
            .StartAsync();

        var (status, _, response) = await GetAsync(env, "/echo");

        Assert.True(status == HttpStatusCode.OK, env.Logs.Dump());
        Assert.Equal("""{"a":{"value":"1","attributes":"Path=/","multiValue":[{"value":"1","attributes":"Path=/"},{"value":"2","attributes":"Secure"}]},"b":{"value":"x"}}""",
            response.Headers.GetValues("x-cookies").Single());
        Assert.Equal("context,request,response,version,viewer", response.Headers.GetValues("x-top").Single());
        Assert.Equal(["a=1; Path=/", "a=2; Secure", "b=x"], response.Headers.GetValues("Set-Cookie"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Runtime20_HasImportsBufferAsyncAndNoByteStrings(string engine)
    {
        await using var env = await StartAsync(engine, """
            import cf from 'cloudfront';
            import crypto from 'crypto';
            const tag = 'v2';
            async function handler(event) {
              let h = crypto.createHash('sha256').update('abc').digest('hex');
              await Promise.resolve();
              return { statusCode: 200, body: JSON.stringify([tag, h.slice(0, 8), Buffer.from('hi').toString('base64'), typeof String.bytesFrom, typeof cf.kvs]) };
            }
            """);

        var (status, body, _) = await GetAsync(env, "/");

        Assert.True(status == HttpStatusCode.OK, body + env.Logs.Dump());
        Assert.Equal("""["v2","ba7816bf","aGk=","undefined","function"]""", body);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Runtime10_HasByteStringsAndNoBuffer(string engine)
    {
        await using var env = await StartAsync(engine, """
            function handler(event) {
              var crypto = require('crypto');
              return { statusCode: 200, body: JSON.stringify([
                String.bytesFrom('68656c6c6f', 'hex'), String.bytesFrom('aGk=', 'base64'), String.bytesFrom([104, 105]),
                'é'.toUTF8().length, 'é'.toUTF8().fromUTF8(), typeof Buffer, crypto.createHash('md5').update('abc').digest('hex')]) };
            }
            """, Cff1);

        var (status, body, _) = await GetAsync(env, "/");

        Assert.True(status == HttpStatusCode.OK, body + env.Logs.Dump());
        Assert.Equal("""["hello","hi","hi",2,"é","undefined","900150983cd24fb0d6963f7d28e17f72"]""", body);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Runtime10_Import_IsAConfigError(string engine)
    {
        await using var env = new EdgeTestEnvironment(engine)
            .Function("cff", "import cf from 'cloudfront';\nfunction handler(event) { return event.request; }", Cff1)
            .Bind("*", viewerRequest: "cff");
        env.WriteFiles();

        Assert.Null(env.TryBuild(out var errors));
        Assert.Contains(errors, e => e.File.EndsWith("index.js", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CloudFrontFunction_BoundToOriginEvent_IsAConfigError(string engine)
    {
        await using var env = new EdgeTestEnvironment(engine)
            .Function("cff", "function handler(event) { return event.request; }", Cff2)
            .Bind("*", originRequest: "cff");
        env.WriteFiles();

        Assert.Null(env.TryBuild(out var errors));
        Assert.Contains(errors, e => e.Message.Contains("can only be bound to viewer-request and viewer-response", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v8", "function handler(event) { throw new Error('boom'); }", HttpStatusCode.ServiceUnavailable)]
    [InlineData("jint", "function handler(event) { throw new Error('boom'); }", HttpStatusCode.ServiceUnavailable)]
    [InlineData("v8", "async function handler(event) { throw new Error('boom'); }", HttpStatusCode.ServiceUnavailable)]
    [InlineData("jint", "async function handler(event) { throw new Error('boom'); }", HttpStatusCode.ServiceUnavailable)]
    [InlineData("v8", "function notHandler(event) { return event.request; }", HttpStatusCode.ServiceUnavailable)]
    [InlineData("jint", "function notHandler(event) { return event.request; }", HttpStatusCode.ServiceUnavailable)]
    [InlineData("v8", "function handler(event) { return null; }", HttpStatusCode.BadGateway)]
    [InlineData("jint", "function handler(event) { return null; }", HttpStatusCode.BadGateway)]
    [InlineData("v8", "function handler(event) { return { statusCode: 700 }; }", HttpStatusCode.BadGateway)]
    [InlineData("jint", "function handler(event) { return { statusCode: 700 }; }", HttpStatusCode.BadGateway)]
    [InlineData("v8", "function handler(event) { event.request.headers.host = { value: 'other' }; return event.request; }", HttpStatusCode.BadGateway)]
    [InlineData("jint", "function handler(event) { event.request.uri = 'no-slash'; return event.request; }", HttpStatusCode.BadGateway)]
    public async Task Errors_AreAnsweredAsForLambdaAtEdge(string engine, string code, HttpStatusCode expected)
    {
        await using var env = await StartAsync(engine, code);

        var (status, body, _) = await GetAsync(env, "/");

        Assert.True(expected == status, $"{status}: {body}\n{env.Logs.Dump()}");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Report_HasComputeUtilization(string engine)
    {
        await using var env = await StartAsync(engine, "function handler(event) { return event.request; }");

        await GetAsync(env, "/echo");

        var report = await env.Logs.WaitForAsync("Compute Utilization: ", LogCapture.FunctionLogs);
        var value = int.Parse(report.Message[(report.Message.IndexOf("Compute Utilization: ", StringComparison.Ordinal) + 21)..].Split('\t')[0]);
        Assert.InRange(value, 0, 100);
    }
}
