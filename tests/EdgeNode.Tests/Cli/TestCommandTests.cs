using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary>
/// <c>edge test</c> run as users run it: the real <c>edge</c> program in its own process, a
/// function folder or file on disk and an AWS-shaped event file; the JSON it prints is checked.
/// </summary>
public sealed class TestCommandTests : IDisposable
{
    private const string ViewerRequestEvent = """
        {"Records":[{"cf":{"config":{"distributionDomainName":"d111111abcdef8.cloudfront.net","distributionId":"EDFDVBD6EXAMPLE","eventType":"viewer-request","requestId":"4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ=="},
        "request":{"clientIp":"203.0.113.178","headers":{"host":[{"key":"Host","value":"d111111abcdef8.cloudfront.net"}],"user-agent":[{"key":"User-Agent","value":"curl/7.66.0"}]},"method":"GET","querystring":"size=large","uri":"/old-page"}}}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("edge-test-cli-").FullName;

    [Fact]
    public async Task Test_LambdaEdgeFunctionFolder_PrintsResultJson()
    {
        var code = WriteFunction("redirect", """
            'use strict';
            exports.handler = (event, context, callback) => {
              const request = event.Records[0].cf.request;
              console.log('uri', request.uri, 'qs', request.querystring);
              callback(null, { status: '301', headers: { location: [{ key: 'Location', value: '/new' }] } });
            };
            """);

        var (exit, output, _) = await RunAsync("test", "--code", code, "--event", WriteEvent(ViewerRequestEvent));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("301", root.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("/new", root.GetProperty("result").GetProperty("headers").GetProperty("location")[0].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        var logs = root.GetProperty("logs").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains(logs, l => l.EndsWith("\tINFO\turi /old-page qs size=large", StringComparison.Ordinal)
            && l.Contains("\t4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==\t", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.StartsWith("REPORT RequestId: 4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==\tDuration: ", StringComparison.Ordinal)
            && l.Contains("\tMemory Size: 128 MB\t", StringComparison.Ordinal) && l.Contains("Init Duration: ", StringComparison.Ordinal));
        Assert.True(root.GetProperty("durationMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Test_ReturnsRequestUnchanged_ResultIsTheWholeRequest()
    {
        var code = WriteFile("passthrough.js", "exports.handler = async (event) => event.Records[0].cf.request;");

        var (exit, output, _) = await RunAsync("test", "--code", code, "--event", WriteEvent(ViewerRequestEvent));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement.GetProperty("result");
        Assert.Equal("/old-page", result.GetProperty("uri").GetString());
        Assert.Equal("size=large", result.GetProperty("querystring").GetString());
        Assert.Equal("203.0.113.178", result.GetProperty("clientIp").GetString());
        Assert.Equal("curl/7.66.0", result.GetProperty("headers").GetProperty("user-agent")[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("exports.handler = async (event) => { const r = event.Records[0].cf.request; r.headers.host[0].value = 'evil.example'; return r; };", "validation", "headers.host")]
    [InlineData("exports.handler = async () => ({ status: '99' });", "validation", "status")]
    [InlineData("exports.handler = async () => { throw new TypeError('boom'); };", "execution", "TypeError: boom")]
    [InlineData("exports.handler = (e, c, cb) => cb(new Error('nope'));", "execution", "nope")]
    public async Task Test_FailingFunction_ReportsErrorTypeAndExitsZero(string source, string type, string messagePart)
    {
        var code = WriteFile("index.js", source);

        var (exit, output, _) = await RunAsync("test", "--code", code, "--event", WriteEvent(ViewerRequestEvent));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Test_InfiniteLoop_ReportsLimitError()
    {
        var code = WriteFunction("loop", "exports.handler = async () => { for (;;) {} };", """{ "timeout": 1 }""");

        var (exit, output, _) = await RunAsync("test", "--code", code, "--event", WriteEvent(ViewerRequestEvent));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("limit", json.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Test_OriginResponseEventType_RunsResponseEvent()
    {
        var code = WriteFile("index.js", """
            exports.handler = async (event) => {
              const response = event.Records[0].cf.response;
              response.headers['x-status-seen'] = [{ value: response.status }];
              return response;
            };
            """);
        var withResponse = ViewerRequestEvent.Replace("\"uri\":\"/old-page\"}", "\"uri\":\"/old-page\"},\"response\":{\"status\":\"404\",\"statusDescription\":\"Not Found\",\"headers\":{}}");

        var (exit, output, _) = await RunAsync("test", "--code", code, "--event", WriteEvent(withResponse), "--event-type", "origin-response");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("error").ValueKind);
        Assert.Equal("404", json.RootElement.GetProperty("result").GetProperty("headers").GetProperty("x-status-seen")[0].GetProperty("value").GetString());
    }

    // A Lambda@Edge viewer-request function as people write them: Basic auth for /admin (Buffer's
    // base64), a JWT (HS256) in a cookie for the rest (crypto.createHmac, base64url, timingSafeEqual).
    private const string AuthFunction = """
        'use strict';
        const crypto = require('crypto');
        const querystring = require('querystring');
        const SECRET = 'edge-secret';

        function deny(status, description) {
          return { status: String(status), statusDescription: description, headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic realm="admin"' }] } };
        }

        function verifyJwt(token) {
          const [header, payload, signature] = token.split('.');
          const expected = crypto.createHmac('sha256', SECRET).update(header + '.' + payload).digest('base64url');
          const a = Buffer.from(signature || ''), b = Buffer.from(expected);
          if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
          return claims.exp * 1000 > Date.now() ? claims : null;
        }

        exports.handler = async (event) => {
          const request = event.Records[0].cf.request;
          const headers = request.headers;
          if (request.uri.startsWith('/admin')) {
            const auth = headers.authorization ? headers.authorization[0].value : '';
            const [user, password] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
            if (user !== 'admin' || password !== 'pässword') return deny(401, 'Unauthorized');
            return request;
          }
          const cookies = querystring.parse((headers.cookie || []).map((c) => c.value).join('; '), '; ');
          const claims = cookies.token ? verifyJwt(cookies.token) : null;
          if (!claims) return deny(403, 'Forbidden');
          request.headers['x-user'] = [{ key: 'X-User', value: claims.sub }];
          return request;
        };
        """;

    [Theory]
    [InlineData("/admin", "Basic YWRtaW46cMOkc3N3b3Jk", null, "pass")]        // admin:pässword, UTF-8
    [InlineData("/admin", "Basic YWRtaW46d3Jvbmc=", null, "401")]             // admin:wrong
    [InlineData("/page", null, "alice", "alice")]
    [InlineData("/page", null, "forged", "403")]
    [InlineData("/page", null, null, "403")]
    public async Task Test_AuthFunctionUsingNodeBuiltins_ChecksBasicAuthAndJwt(string uri, string? authorization, string? jwtUser, string expected)
    {
        var code = WriteFunction("auth", AuthFunction);
        var headers = new List<string> { """ "host":[{"key":"Host","value":"d111111abcdef8.cloudfront.net"}] """ };
        if (authorization is not null)
        {
            headers.Add($$""" "authorization":[{"key":"Authorization","value":"{{authorization}}"}] """);
        }
        if (jwtUser is not null)
        {
            headers.Add($$""" "cookie":[{"key":"Cookie","value":"theme=dark; token={{Jwt(jwtUser, jwtUser == "forged" ? "other-secret" : "edge-secret")}}"}] """);
        }
        var evt = ViewerRequestEvent
            .Replace("\"uri\":\"/old-page\"", $"\"uri\":\"{uri}\"")
            .Replace("\"headers\":{\"host\":[{\"key\":\"Host\",\"value\":\"d111111abcdef8.cloudfront.net\"}],\"user-agent\":[{\"key\":\"User-Agent\",\"value\":\"curl/7.66.0\"}]}",
                "\"headers\":{" + string.Join(",", headers) + "}");

        var (exit, output, _) = await RunAsync("test", "--code", code, "--event", WriteEvent(evt));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("error").ValueKind);
        var result = json.RootElement.GetProperty("result");
        var actual = result.TryGetProperty("status", out var status) ? status.GetString()
            : result.GetProperty("headers").TryGetProperty("x-user", out var user) ? user[0].GetProperty("value").GetString() : "pass";
        Assert.Equal(expected, actual);
    }

    private static string Jwt(string subject, string secret)
    {
        static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = B64Url(System.Text.Encoding.UTF8.GetBytes($$"""{"sub":"{{subject}}","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}"""));
        var signature = B64Url(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    [Theory]
    [InlineData("exports.handler = async (event) => { const r = event.Records[0].cf.request; r.uri = '/new' + r.uri; r.headers['x-a'] = [{ value: 'b' }]; return r; };")]
    [InlineData("exports.handler = (e, c, cb) => cb(null, { status: 302, headers: { location: [{ key: 'Location', value: '/x' }] }, body: c.functionName });")]
    [InlineData("exports.handler = async () => { throw new TypeError('boom'); };")]
    [InlineData("let n = 0; exports.handler = async () => { console.log('called', ++n, { a: [1] }); return { status: '200', body: String(n) }; };")]
    [InlineData("exports.handler = async () => { try { require('fs'); } catch (e) { return { status: '200', body: e.code }; } };")]
    public async Task Test_EngineJint_PrintsTheSameJsonAsV8(string source)
    {
        var code = WriteFunction("same", source);
        var eventFile = WriteEvent(ViewerRequestEvent);

        var v8 = await RunAsync("test", "--code", code, "--event", eventFile, "--engine", "v8");
        var jint = await RunAsync("test", "--code", code, "--event", eventFile, "--engine", "jint");

        Assert.Equal((0, 0), (v8.Exit, jint.Exit));
        Assert.Equal(Comparable(v8.Output), Comparable(jint.Output));
    }

    [Fact]
    public async Task Test_FunctionJsonSaysJint_RunsOnJintUnlessEngineGiven()
    {
        // Jint has the Temporal global and this V8 has not: that tells the engines apart.
        var code = WriteFunction("jint-fn", "exports.handler = async () => ({ status: '200', body: typeof Temporal });", """{ "engine": "jint" }""");
        var eventFile = WriteEvent(ViewerRequestEvent);

        var own = await RunAsync("test", "--code", code, "--event", eventFile);
        var v8 = await RunAsync("test", "--code", code, "--event", eventFile, "--engine", "v8");

        using var ownJson = JsonDocument.Parse(own.Output);
        using var v8Json = JsonDocument.Parse(v8.Output);
        Assert.Equal("object", ownJson.RootElement.GetProperty("result").GetProperty("body").GetString());
        Assert.Equal("undefined", v8Json.RootElement.GetProperty("result").GetProperty("body").GetString());
    }

    /// <summary>The printed JSON without what differs from run to run (times, durations, memory, stack frames).</summary>
    private static string Comparable(string output)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
        json.Remove("durationMs");
        var logs = json["logs"]!.AsArray().Select(l =>
        {
            var line = l!.GetValue<string>();
            if (line.StartsWith("REPORT", StringComparison.Ordinal))
            {
                return "REPORT";
            }
            var parts = line.Split('\t');
            var text = string.Join("\t", parts.Skip(1));
            var at = text.IndexOf("Invoke Error {", StringComparison.Ordinal);
            if (at < 0)
            {
                return text;
            }
            var error = System.Text.Json.Nodes.JsonNode.Parse(text[(at + "Invoke Error ".Length)..])!.AsObject();
            error.Remove("stack");
            return text[..at] + error.ToJsonString();
        }).ToList();
        json["logs"] = new System.Text.Json.Nodes.JsonArray(logs.Select(l => (System.Text.Json.Nodes.JsonNode?)l).ToArray());
        return json.ToJsonString();
    }

    [Theory]
    [InlineData("test", "--event", "missing.json")]
    [InlineData("test", "--code", "nowhere", "--event", "missing.json")]
    [InlineData("test", "--code", "index.js", "--event", "event.json", "--event-type", "viewer-sandwich")]
    [InlineData("test", "--code", "index.js", "--event", "event.json", "--engine", "spidermonkey")]
    [InlineData("test", "--code", "index.js", "--event", "not-an-event.json")]
    [InlineData("frobnicate")]
    public async Task Test_BadArguments_ExitTwoWithMessage(params string[] args)
    {
        WriteFile("index.js", "exports.handler = async (e) => e.Records[0].cf.request;");
        WriteEvent(ViewerRequestEvent);
        File.WriteAllText(Path.Combine(_dir, "not-an-event.json"), """{"hello":"world"}""");

        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private const string CloudFrontEvent = """
        {"version":"1.0","context":{"distributionDomainName":"d111111abcdef8.cloudfront.net","distributionId":"EDFDVBD6EXAMPLE","eventType":"viewer-request","requestId":"cff-request-1"},
         "viewer":{"ip":"198.51.100.11"},
         "request":{"method":"GET","uri":"/index.html","querystring":{"a":{"value":"1","multiValue":[{"value":"1"},{"value":"2"}]}},
                    "headers":{"host":{"value":"d111111abcdef8.cloudfront.net"},"accept":{"value":"*/*"}},"cookies":{"id":{"value":"42"}}}}
        """;

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Test_CloudFrontFunction_PrintsItsResultOriginAndComputeUtilization(string engine)
    {
        var code = WriteFile("cff.js", """
            import cf from 'cloudfront';
            async function handler(event) {
              const r = event.request;
              r.headers['x-seen'] = { value: [event.viewer.ip, r.querystring.a.multiValue.length, r.cookies.id.value, await cf.kvs().get('k')].join(',') };
              cf.selectRequestOriginById('backup');
              return r;
            }
            """);
        var store = WriteFile("store.json", """{"k": "from-kvs"}""");

        var (exit, output, error) = await RunAsync("test", "--code", code, "--event", WriteEvent(CloudFrontEvent),
            "--runtime", "cloudfront-js-2.0", "--engine", engine, "--kvs", "main=" + store);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal("198.51.100.11,2,42,from-kvs", root.GetProperty("result").GetProperty("headers").GetProperty("x-seen").GetProperty("value").GetString());
        Assert.Equal("backup", root.GetProperty("origin").GetProperty("id").GetString());
        Assert.InRange(root.GetProperty("computeUtilization").GetInt32(), 0, 100);
        Assert.Contains(root.GetProperty("logs").EnumerateArray(), l => l.GetString()!.Contains("Compute Utilization: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Test_CloudFrontFunction_NoOriginChange_OriginIsNull(string engine)
    {
        var code = WriteFile("cff.js", "function handler(event) { return { statusCode: 302, headers: { location: { value: '/x' } } }; }");

        var (exit, output, error) = await RunAsync("test", "--code", code, "--event", WriteEvent(CloudFrontEvent),
            "--runtime", "cloudfront-js-1.0", "--engine", engine);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal(302, root.GetProperty("result").GetProperty("statusCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("origin").ValueKind);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Test_CloudFrontViewerResponseEvent_CookiesAndStatusCode(string engine)
    {
        var code = WriteFile("cff.js", """
            function handler(event) {
              var res = event.response;
              res.headers['x-in'] = { value: typeof res.statusCode + ' ' + res.cookies.s.value + ' ' + res.cookies.s.attributes };
              res.cookies.t = { value: 'new', attributes: 'Path=/' };
              return res;
            }
            """);
        var evt = """
            {"version":"1.0","context":{"eventType":"viewer-response","requestId":"r1"},"viewer":{"ip":"198.51.100.11"},
             "request":{"method":"GET","uri":"/","querystring":{},"headers":{},"cookies":{}},
             "response":{"statusCode":200,"statusDescription":"OK","headers":{"content-type":{"value":"text/html"}},"cookies":{"s":{"value":"a","attributes":"Secure; Path=/"}}}}
            """;

        var (exit, output, error) = await RunAsync("test", "--code", code, "--event", WriteEvent(evt), "--runtime", "cloudfront-js-1.0", "--engine", engine);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        var result = root.GetProperty("result");
        Assert.Equal("number a Secure; Path=/", result.GetProperty("headers").GetProperty("x-in").GetProperty("value").GetString());
        Assert.Equal("Path=/", result.GetProperty("cookies").GetProperty("t").GetProperty("attributes").GetString());
        Assert.Equal(200, result.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Test_BadRuntimeOrKvs_ExitsTwo()
    {
        var code = WriteFile("cff.js", "function handler(event) { return event.request; }");

        var (exit, _, error) = await RunAsync("test", "--code", code, "--event", WriteEvent(CloudFrontEvent),
            "--runtime", "cloudfront-js-3.0", "--kvs", "nofile", "--kvs", "x=" + Path.Combine(_dir, "missing.json"));

        Assert.Equal(2, exit);
        Assert.Contains("--runtime: 'cloudfront-js-3.0' is not supported", error);
        Assert.Contains("--kvs: 'nofile' is not ID=FILE.json", error);
        Assert.Contains("cannot read the file", error);
    }

    private string WriteFunction(string name, string source, string? settings = null)
    {
        var folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.js"), source);
        if (settings is not null)
        {
            File.WriteAllText(Path.Combine(folder, "function.json"), settings);
        }
        return folder;
    }

    private string WriteFile(string name, string source)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, source);
        return path;
    }

    private string WriteEvent(string json) => WriteFile("event.json", json);

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => EdgeCliProcess.RunAsync(_dir, args);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
