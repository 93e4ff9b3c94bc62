using System.Net;
using System.Security.Cryptography;
using System.Text;
using EdgeCompute.EdgeNode.Tests.Common;
using EdgeCompute.EdgeNode.Tests.Geo;

namespace EdgeCompute.EdgeNode.Tests.Fixtures;

/// <summary>
/// The fixture set in the CloudFront Functions shape (Fixtures/CloudFrontFunctions/*.js), where the
/// event allows it (no bodies, no origin events), end to end in a node, on both engines.
/// </summary>
public sealed class CloudFrontFunctionsFixtureTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "CloudFrontFunctions", name + ".js"));

    /// <param name="cloudFrontHeaders">
    /// CloudFront-* headers the behaviour's origin request policy names: the node then adds them from
    /// MaxMind's test databases and the User-Agent (a CloudFront Function sees them at viewer-request),
    /// trusting the test client's X-Forwarded-For.
    /// </param>
    private static async Task<EdgeTestEnvironment> NodeAsync(string engine, string fixture, string runtime, bool viewerResponse = false,
        Action<EdgeTestEnvironment>? setUp = null, string settings = "", string[]? cloudFrontHeaders = null)
    {
        var env = new EdgeTestEnvironment(engine).Function(fixture, Fixture(fixture), $$"""{"runtime": "{{runtime}}"{{settings}}}""");
        setUp?.Invoke(env);
        _ = viewerResponse ? env.Bind("*", viewerResponse: fixture) : env.Bind("*", viewerRequest: fixture);
        if (cloudFrontHeaders is not null)
        {
            env.WithCloudFrontHeaders(cloudFrontHeaders);
        }
        return await env.StartAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(EdgeTestEnvironment env, string path, params (string Name, string Value)[] headers) =>
        env.Client.GetWithHeadersAsync(path, headers);

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SpaRewrite(string engine)
    {
        await using var env = await NodeAsync(engine, "spa-rewrite", "cloudfront-js-1.0");
        Assert.Equal("/echo/index.html", (await Echo.ReadAsync(await env.Client.GetAsync("/dashboard"))).Path);
        Assert.Equal("/echo/app.js", (await Echo.ReadAsync(await env.Client.GetAsync("/echo/app.js"))).Path);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task RedirectKeepQuery(string engine)
    {
        await using var env = await NodeAsync(engine, "redirect-keep-query", "cloudfront-js-1.0");
        var response = await env.Client.GetAsync("/old/page?id=7&tag=a&tag=b");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/new/page?id=7&tag=a&tag=b", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SecurityHeaders(string engine)
    {
        await using var env = await NodeAsync(engine, "security-headers", "cloudfront-js-1.0", viewerResponse: true);
        var response = await env.Client.GetAsync("/echo/x");
        Assert.Equal("max-age=63072000; includeSubdomains; preload", response.Header("Strict-Transport-Security"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Cors(string engine)
    {
        await using var env = await NodeAsync(engine, "cors", "cloudfront-js-1.0", viewerResponse: true);
        Assert.Equal("https://app.example.com", (await SendAsync(env, "/echo/a", ("Origin", "https://app.example.com"))).Header("Access-Control-Allow-Origin"));
        Assert.Null((await SendAsync(env, "/echo/a", ("Origin", "https://evil.example"))).Header("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task TrueClientIp(string engine)
    {
        await using var env = await NodeAsync(engine, "true-client-ip", "cloudfront-js-1.0");
        Assert.Equal(["127.0.0.1"], (await Echo.ReadAsync(await env.Client.GetAsync("/echo/ip"))).Header("True-Client-IP"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task BasicAuth(string engine)
    {
        await using var env = await NodeAsync(engine, "basic-auth", "cloudfront-js-2.0");
        Assert.Equal(HttpStatusCode.Unauthorized, (await env.Client.GetAsync("/echo/p")).StatusCode);
        var ok = await SendAsync(env, "/echo/p", ("Authorization", "Basic " + Convert.ToBase64String("admin:secret"u8)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task JwtHs256(string engine)
    {
        await using var env = await NodeAsync(engine, "jwt-hs256", "cloudfront-js-2.0");
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var head = B64("""{"alg":"HS256"}"""u8.ToArray());
        var payload = B64("""{"sub":"alice"}"""u8.ToArray());
        string Token(string secret) => head + "." + payload + "." + B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(head + "." + payload)));

        var valid = await SendAsync(env, "/echo/me", ("Authorization", "Bearer " + Token("edge-secret")));
        var forged = await SendAsync(env, "/echo/me", ("Authorization", "Bearer " + Token("nope")));

        Assert.Equal(["alice"], (await Echo.ReadAsync(valid)).Header("X-User"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task AbCookie(string engine)
    {
        await using var env = await NodeAsync(engine, "ab-cookie", "cloudfront-js-1.0");
        Assert.Equal("/echo/b/home", (await Echo.ReadAsync(await SendAsync(env, "/echo/home", ("Cookie", "x=1; ab=b")))).Path);
        Assert.Equal("/echo/a/home", (await Echo.ReadAsync(await SendAsync(env, "/echo/home", ("Cookie", "ab=a")))).Path);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task AbKvsWeights(string engine)
    {
        await using var env = await NodeAsync(engine, "ab-kvs-weights", "cloudfront-js-2.0",
            setUp: e => e.KeyValueStore("experiments", """{"weights": "{\"a\": 0.2}"}"""), settings: """, "keyValueStores": ["experiments"]""");

        var low = await Echo.ReadAsync(await SendAsync(env, "/echo/home", ("X-Roll", "0.1")));
        var high = await Echo.ReadAsync(await SendAsync(env, "/echo/home", ("X-Roll", "0.5")));

        Assert.Equal("/echo/a/home", low.Path);
        Assert.Equal("/echo/b/home", high.Path);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task QueryNormalise(string engine)
    {
        await using var env = await NodeAsync(engine, "query-normalise", "cloudfront-js-1.0");
        Assert.Equal("alpha=1&beta=2&zeta=3", (await Echo.ReadAsync(await env.Client.GetAsync("/echo/q?Zeta=3&alpha=1&Beta=2"))).Query);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task GeoRedirect(string engine)
    {
        await using var env = await NodeAsync(engine, "geo-redirect", "cloudfront-js-1.0", cloudFrontHeaders: ["CloudFront-Viewer-Country"]);
        var de = await SendAsync(env, "/shop", ("X-Forwarded-For", GeoTestData.GermanyIp));
        Assert.Equal(HttpStatusCode.Found, de.StatusCode);
        Assert.Equal("/de/shop", de.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task DeviceRewrite(string engine)
    {
        await using var env = await NodeAsync(engine, "device-rewrite", "cloudfront-js-1.0", cloudFrontHeaders: ["CloudFront-Is-Mobile-Viewer"]);
        Assert.Equal("/echo/mobile/news", (await Echo.ReadAsync(await SendAsync(env, "/echo/news", ("User-Agent", GeoTestData.PhoneUserAgent)))).Path);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginSwitch(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await NodeAsync(engine, "origin-switch", "cloudfront-js-2.0", setUp: e => e.AddOrigin("second", second),
            cloudFrontHeaders: ["CloudFront-Viewer-Country"]);

        await SendAsync(env, "/echo/h", ("X-Backend", "second"));
        await SendAsync(env, "/echo/c", ("X-Forwarded-For", GeoTestData.FranceIp));
        await SendAsync(env, "/echo/stays");

        var hits = await second.GetHitsAsync();
        Assert.Equal(1, hits.For("/echo/h"));
        Assert.Equal(1, hits.For("/echo/c"));
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/echo/stays"));
    }
}
