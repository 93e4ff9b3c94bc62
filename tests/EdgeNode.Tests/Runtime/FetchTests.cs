using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// fetch and the http/https clients: origin events only, to the function's allowedHosts, within its
/// timeout. The functions find the test origin's port in the x-port request header.
/// </summary>
public sealed class FetchTests
{
    private const string Allowed = """{ "allowedHosts": ["127.0.0.1"] }""";

    private const string PortOf = "const port = (e) => e.Records[0].cf.request.headers['x-port'][0].value;\n";

    private static async Task<HttpResponseMessage> GetAsync(EdgeTestEnvironment env, string path, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add("x-port", env.Origin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await env.Client.SendAsync(request);
    }

    private static async Task<JsonElement> EchoAsync(HttpResponseMessage response, EdgeTestEnvironment env)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}\n{env.Logs.Dump()}");
        return JsonElement.Parse(text);
    }

    private static string? HeaderOf(JsonElement echo, string name) =>
        echo.GetProperty("headers").EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.Array } v
            ? v[0].GetString() : null;

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_FetchesJson_AndPutsAValueInARequestHeader(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("f", PortOf + """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  const res = await fetch('http://127.0.0.1:' + port(event) + '/api/products', { headers: { accept: 'application/json' } });
                  const data = await res.json();
                  request.headers['x-count'] = [{ key: 'X-Count', value: String(data.count) }];
                  request.headers['x-fetch'] = [{ key: 'X-Fetch', value: [res.status, res.ok, res.headers.get('Content-Type').split(';')[0], res.headers.has('content-type'), typeof res.text].join('|') }];
                  return request;
                };
                """, Allowed)
            .Bind("/echo*", originRequest: "f")
            .StartAsync();

        var echo = await EchoAsync(await GetAsync(env, "/echo"), env);

        var count = HeaderOf(echo, "X-Count");
        Assert.True(int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture) > 0, count);
        Assert.Equal("200|true|application/json|true|function", HeaderOf(echo, "X-Fetch"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginResponse_HttpsGet_AddsAHeaderFromTheFetchedBody(string engine)
    {
        // The test origin speaks plain HTTP: require('https') with an http: URL is refused as in
        // Node, so the function uses the http module for the call and checks https is there too.
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("f", PortOf + """
                const https = require('node:https');
                const http = require('http');
                exports.handler = (event, context, callback) => {
                  const response = event.Records[0].cf.response;
                  let refused = '';
                  try { https.get('http://127.0.0.1:1/'); } catch (e) { refused = e.code; }
                  const req = http.get('http://127.0.0.1:' + port(event) + '/echo/abc', (res) => {
                    let body = '';
                    res.setEncoding('utf8');
                    res.on('data', (chunk) => { body += chunk; });
                    res.on('end', () => {
                      response.headers['x-from-fetch'] = [{ key: 'X-From-Fetch', value: JSON.parse(body).path + '|' + res.statusCode + '|' + res.headers['content-type'].split(';')[0] + '|' + refused + '|' + typeof https.request }];
                      callback(null, response);
                    });
                  });
                  req.on('error', (e) => callback(e));
                };
                """, Allowed)
            .Bind("/api/*", originResponse: "f")
            .StartAsync();

        var response = await GetAsync(env, "/api/products");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}\n{env.Logs.Dump()}");
        Assert.Equal("/echo/abc|200|application/json|ERR_INVALID_PROTOCOL|function", response.Header("X-From-Fetch"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task HostNotAllowed_IsATypeError_AndUncaughtIs503(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("caught", PortOf + """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  try {
                    await fetch('http://localhost:' + port(event) + '/echo');
                    request.headers['x-result'] = [{ key: 'X-Result', value: 'fetched' }];
                  } catch (e) {
                    request.headers['x-result'] = [{ key: 'X-Result', value: e.name + ': ' + e.message }];
                  }
                  return request;
                };
                """, """{ "allowedHosts": ["api.example.com", "127.0.0.1:1"] }""")
            .Function("uncaught", PortOf + """
                exports.handler = async (event) => {
                  await fetch('http://127.0.0.1:' + port(event) + '/echo');
                  return event.Records[0].cf.request;
                };
                """)
            .Bind("/echo*", originRequest: "caught")
            .Bind("/api/*", originRequest: "uncaught")
            .StartAsync();

        var echo = await EchoAsync(await GetAsync(env, "/echo"), env);
        var result = HeaderOf(echo, "X-Result")!;
        Assert.StartsWith("TypeError: fetch to host 'localhost:", result);
        Assert.Contains("allowedHosts", result);

        // 127.0.0.1 on the origin's port is not 127.0.0.1:1, and the second function allows nothing.
        var response = await GetAsync(env, "/api/products");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("LambdaExecutionError from edge", response.Header("X-Cache"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task ViewerRequest_FetchIsRejected(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("f", PortOf + """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  let result = 'fetched';
                  try { await fetch('http://127.0.0.1:' + port(event) + '/echo'); } catch (e) { result = e.name + ': ' + e.message; }
                  request.headers['x-result'] = [{ key: 'X-Result', value: result }];
                  return request;
                };
                """, Allowed)
            .Bind("/echo*", viewerRequest: "f")
            .StartAsync();

        var echo = await EchoAsync(await GetAsync(env, "/echo"), env);

        Assert.StartsWith("TypeError: fetch is available in origin-request and origin-response functions only",
            HeaderOf(echo, "X-Result"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task FetchSlowerThanTheTimeout_Is503LimitExceeded_WithinTheTimeout(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("f", PortOf + """
                exports.handler = async (event) => {
                  await fetch('http://127.0.0.1:' + port(event) + '/slow?ms=5000');
                  return event.Records[0].cf.request;
                };
                """, """{ "allowedHosts": ["127.0.0.1"], "timeout": 1 }""")
            .Bind("/echo*", originRequest: "f")
            .StartAsync();

        var watch = Stopwatch.StartNew();
        var response = await GetAsync(env, "/echo");
        watch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("LambdaLimitExceeded from edge", response.Header("X-Cache"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Post_WithABody_ReachesTheEcho(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("f", PortOf + """
                exports.handler = async (event) => {
                  const request = event.Records[0].cf.request;
                  const res = await fetch('http://127.0.0.1:' + port(event) + '/echo/post', {
                    method: 'POST', headers: { 'content-type': 'application/json', 'x-probe': 'yes' }, body: JSON.stringify({ hello: 'world' }) });
                  const echo = await res.json();
                  const h = (n) => echo.headers[Object.keys(echo.headers).find((k) => k.toLowerCase() === n)][0];
                  request.headers['x-echoed'] = [{ key: 'X-Echoed', value: [echo.method, echo.body, h('x-probe'), h('content-type')].join('|') }];
                  return request;
                };
                """, Allowed)
            .Bind("/echo*", originRequest: "f")
            .StartAsync();

        var echo = await EchoAsync(await GetAsync(env, "/echo"), env);

        Assert.Equal("POST|{\"hello\":\"world\"}|yes|application/json",
            HeaderOf(echo, "X-Echoed"));
    }
}
