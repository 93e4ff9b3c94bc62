using System.Net;
using System.Security.Cryptography;
using System.Text;
using EdgeCompute.EdgeNode.Tests.Common;
using EdgeCompute.EdgeNode.Tests.Geo;

namespace EdgeCompute.EdgeNode.Tests.Fixtures;

/// <summary>
/// Functions written the way public Lambda@Edge examples are (Fixtures/LambdaEdge/*.js), each bound
/// to its event in a real node in front of a real origin, on both engines.
/// </summary>
public sealed class FixtureSetTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LambdaEdge", name + ".js"));

    /// <param name="cloudFrontHeaders">
    /// CloudFront-* headers the behaviour's origin request policy names: the node then adds them from
    /// MaxMind's test databases and the User-Agent, trusting the test client's X-Forwarded-For.
    /// </param>
    private static Task<EdgeTestEnvironment> NodeAsync(string engine, string fixture, string eventName, bool includeBody = false,
        TestOrigin? second = null, string[]? cloudFrontHeaders = null)
    {
        var env = new EdgeTestEnvironment(engine).Function(fixture, Fixture(fixture));
        if (second is not null)
        {
            env.AddOrigin("second", second);
        }
        _ = eventName switch
        {
            "viewer-request" => env.Bind("*", viewerRequest: fixture, includeBody: includeBody),
            "origin-request" => env.Bind("*", originRequest: fixture, includeBody: includeBody),
            "origin-response" => env.Bind("*", originResponse: fixture),
            _ => env.Bind("*", viewerResponse: fixture),
        };
        if (cloudFrontHeaders is not null)
        {
            env.WithCloudFrontHeaders(cloudFrontHeaders);
        }
        return env.StartAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(EdgeTestEnvironment env, string path, params (string Name, string Value)[] headers) =>
        env.Client.GetWithHeadersAsync(path, headers);

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SpaRewrite_PathWithoutExtension_ServedByIndex(string engine)
    {
        await using var env = await NodeAsync(engine, "spa-rewrite", "viewer-request");

        var route = await Echo.ReadAsync(await env.Client.GetAsync("/dashboard/settings"));
        var file = await Echo.ReadAsync(await env.Client.GetAsync("/echo/app.js"));

        Assert.Equal("/echo/index.html", route.Path);
        Assert.Equal("/echo/app.js", file.Path);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task RedirectKeepQuery_OldPath_301WithQuery(string engine)
    {
        await using var env = await NodeAsync(engine, "redirect-keep-query", "viewer-request");

        var response = await env.Client.GetAsync("/old/page?id=7&x=%20y");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/new/page?id=7&x=%20y", response.Headers.Location?.OriginalString);
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SecurityHeaders_EveryAnswer(string engine)
    {
        await using var env = await NodeAsync(engine, "security-headers", "viewer-response");

        var response = await env.Client.GetAsync("/echo/x");

        Assert.Equal("max-age=63072000; includeSubdomains; preload", response.Header("Strict-Transport-Security"));
        Assert.Equal("default-src 'self'", response.Header("Content-Security-Policy"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Cors_AllowedOriginOnly(string engine)
    {
        await using var env = await NodeAsync(engine, "cors", "viewer-response");

        var allowed = await SendAsync(env, "/echo/api", ("Origin", "https://app.example.com"));
        var other = await SendAsync(env, "/echo/api", ("Origin", "https://evil.example"));

        Assert.Equal("https://app.example.com", allowed.Header("Access-Control-Allow-Origin"));
        Assert.Null(other.Header("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task TrueClientIp_OriginSeesViewerAddress(string engine)
    {
        await using var env = await NodeAsync(engine, "true-client-ip", "viewer-request");

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo/ip"));

        Assert.Equal(["127.0.0.1"], echo.Header("True-Client-IP"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task BasicAuth_RightCredentialsOnly(string engine)
    {
        await using var env = await NodeAsync(engine, "basic-auth", "viewer-request");

        var none = await env.Client.GetAsync("/echo/private");
        var wrong = await SendAsync(env, "/echo/private", ("Authorization", "Basic " + Convert.ToBase64String("admin:nope"u8)));
        var right = await SendAsync(env, "/echo/private", ("Authorization", "Basic " + Convert.ToBase64String("admin:secret"u8)));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Basic realm=\"edge\"", none.Header("WWW-Authenticate"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    private static string Jwt(string secret, string payloadJson)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var head = B64("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = B64(Encoding.UTF8.GetBytes(payloadJson));
        var signature = B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(head + "." + payload)));
        return head + "." + payload + "." + signature;
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task JwtHs256_ValidTokenPassesWithClaims_OthersForbidden(string engine)
    {
        await using var env = await NodeAsync(engine, "jwt-hs256", "viewer-request");
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        var valid = await SendAsync(env, "/echo/me", ("Authorization", "Bearer " + Jwt("edge-secret", $$"""{"sub":"alice","exp":{{future}}}""")));
        var forged = await SendAsync(env, "/echo/me", ("Authorization", "Bearer " + Jwt("other-secret", """{"sub":"mallory"}""")));
        var expired = await SendAsync(env, "/echo/me", ("Authorization", "Bearer " + Jwt("edge-secret", """{"sub":"alice","exp":1}""")));

        Assert.Equal(["alice"], (await Echo.ReadAsync(valid)).Header("X-User"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("bad signature", await forged.Content.ReadAsStringAsync());
        Assert.Equal("expired", await expired.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task AbCookie_GroupFromCookie(string engine)
    {
        await using var env = await NodeAsync(engine, "ab-cookie", "viewer-request");

        var a = await Echo.ReadAsync(await SendAsync(env, "/echo/home", ("Cookie", "session=1; ab=a")));
        var b = await Echo.ReadAsync(await SendAsync(env, "/echo/home", ("Cookie", "ab=b")));
        var assigned = await Echo.ReadAsync(await env.Client.GetAsync("/echo/home"));

        Assert.Equal("/echo/a/home", a.Path);
        Assert.Equal("/echo/b/home", b.Path);
        Assert.Contains(assigned.Path, new[] { "/echo/a/home", "/echo/b/home" });
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task QueryNormalise_SortedLowerCaseKeys(string engine)
    {
        await using var env = await NodeAsync(engine, "query-normalise", "viewer-request");

        var echo = await Echo.ReadAsync(await env.Client.GetAsync("/echo/q?Zeta=1&alpha=two%20words&Beta=3"));

        Assert.Equal("alpha=two%20words&beta=3&zeta=1", echo.Query);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task GeoRedirect_ViewerCountryDe_302ToGermanSite(string engine)
    {
        await using var env = await NodeAsync(engine, "geo-redirect", "origin-request", cloudFrontHeaders: ["CloudFront-Viewer-Country"]);

        var de = await SendAsync(env, "/echo/shop", ("X-Forwarded-For", GeoTestData.GermanyIp));
        var us = await SendAsync(env, "/echo/shop", ("X-Forwarded-For", GeoTestData.MiltonIp));

        Assert.Equal(HttpStatusCode.Found, de.StatusCode);
        Assert.Equal("/de/echo/shop", de.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, us.StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task DeviceRewrite_MobileViewerGetsMobilePages(string engine)
    {
        await using var env = await NodeAsync(engine, "device-rewrite", "origin-request", cloudFrontHeaders: ["CloudFront-Is-Mobile-Viewer"]);

        var mobile = await Echo.ReadAsync(await SendAsync(env, "/echo/news", ("User-Agent", GeoTestData.PhoneUserAgent)));
        var desktop = await Echo.ReadAsync(await SendAsync(env, "/echo/news", ("User-Agent", GeoTestData.DesktopUserAgent)));

        Assert.Equal("/echo/mobile/news", mobile.Path);
        Assert.Equal("/echo/news", desktop.Path);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task IncludeBody_FormReplacedWithJson(string engine)
    {
        await using var env = await NodeAsync(engine, "include-body", "viewer-request", includeBody: true);

        var response = await env.Client.PostAsync("/echo/form", new FormUrlEncodedContent([new("name", "ada")]));
        var echo = await Echo.ReadAsync(response);

        Assert.Equal("""{"name":"ada","upper":"ADA"}""", echo.Body);
        Assert.Equal(["application/json"], echo.Header("Content-Type"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginSwitch_ByHeaderOrCountry_SecondOriginServes(string engine)
    {
        await using var second = await TestOrigin.StartAsync();
        await using var env = await NodeAsync(engine, "origin-switch", "origin-request", second: second, cloudFrontHeaders: ["CloudFront-Viewer-Country"]);
        var port = second.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await SendAsync(env, "/echo/by-header", ("X-Backend", "second"), ("X-Second-Port", port));
        await SendAsync(env, "/echo/by-country", ("X-Forwarded-For", GeoTestData.FranceIp), ("X-Second-Port", port));
        await SendAsync(env, "/echo/stays", ("X-Second-Port", port));
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(env, "/echo/all-moved", ("X-Second-Share", "1"), ("X-Second-Port", port));
            await SendAsync(env, "/echo/none-moved", ("X-Second-Share", "0"), ("X-Second-Port", port));
        }

        var hits = await second.GetHitsAsync();
        Assert.Equal(1, hits.For("/echo/by-header"));
        Assert.Equal(1, hits.For("/echo/by-country"));
        Assert.Equal(5, hits.For("/echo/all-moved"));
        Assert.Equal(0, hits.For("/echo/none-moved"));
        Assert.Equal(0, hits.For("/echo/stays"));
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/echo/stays"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CustomErrorPage_Origin404Replaced(string engine)
    {
        await using var env = await NodeAsync(engine, "custom-error-page", "origin-response");

        var response = await env.Client.GetAsync("/status/404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("<h1>Sorry, that page is not here.</h1>", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginSwitchS3_AssetsGoToTheBucketOverHttps(string engine)
    {
        await using var env = await NodeAsync(engine, "origin-switch-s3", "origin-request");

        // The "bucket" is loopback's HTTPS port, where nothing listens: the node must have tried
        // https://127.0.0.1:443/site/assets/... and not the custom origin.
        var moved = await SendAsync(env, "/assets/logo.png", ("X-Bucket-Host", "127.0.0.1"));
        var stays = await env.Client.GetAsync("/echo/page");

        Assert.Equal(HttpStatusCode.BadGateway, moved.StatusCode);
        Assert.Contains(env.Logs.Entries, e => e.Message.Contains("https://127.0.0.1", StringComparison.Ordinal));
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).For("/assets/logo.png"));
        Assert.Equal(HttpStatusCode.OK, stays.StatusCode);
    }
}
