using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Geo;

/// <summary>
/// The CloudFront-* headers end to end: a node with MaxMind's test databases, a viewer-request and an
/// origin-request Lambda@Edge function that copy what they see into headers, and the origin's echo.
/// </summary>
public sealed class CloudFrontHeadersTests
{
    // Each function writes the country it saw (or "none") into a header of its own, for the echo to show.
    private const string ViewerRequest = """
        exports.handler = async (event) => {
          const r = event.Records[0].cf.request;
          const c = r.headers['cloudfront-viewer-country'];
          r.headers['x-vr-country'] = [{ key: 'X-VR-Country', value: c ? c[0].value : 'none' }];
          return r;
        };
        """;

    private const string OriginRequest = """
        exports.handler = async (event) => {
          const r = event.Records[0].cf.request;
          const c = r.headers['cloudfront-viewer-city'];
          r.headers['x-or-city'] = [{ key: 'X-OR-City', value: c ? c[0].value : 'none' }];
          return r;
        };
        """;

    private static readonly string[] GeoHeaders =
    [
        "CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Name", "CloudFront-Viewer-Country-Region",
        "CloudFront-Viewer-Country-Region-Name", "CloudFront-Viewer-City", "CloudFront-Viewer-Postal-Code",
        "CloudFront-Viewer-Time-Zone", "CloudFront-Viewer-Latitude", "CloudFront-Viewer-Longitude",
        "CloudFront-Viewer-Metro-Code", "CloudFront-Viewer-ASN", "CloudFront-Viewer-Address", "CloudFront-Viewer-Http-Version",
        "CloudFront-Is-Mobile-Viewer", "CloudFront-Is-Desktop-Viewer",
    ];

    private static Task<EdgeTestEnvironment> NodeAsync(bool trustLoopback, string? policy = null, string? geo = null) =>
        new EdgeTestEnvironment()
            .Function("vr", ViewerRequest)
            .Function("or", OriginRequest)
            .WithGeo(geo ?? GeoTestData.Settings(trustLoopback))
            .Bind("*", viewerRequest: "vr", originRequest: "or")
            .WithOriginRequestPolicy(policy ?? GeoTestData.Policy(GeoHeaders))
            .StartAsync();

    private static async Task<Echo> EchoAsync(EdgeTestEnvironment env, string path, params (string, string)[] headers) =>
        await Echo.ReadAsync(await env.Client.GetWithHeadersAsync(path, headers));

    private static string One(Echo echo, string name) => Assert.Single(echo.Header(name));

    [Fact]
    public async Task TrustedProxy_ForwardedFor_GeoHeadersReachOriginAndOriginRequest()
    {
        await using var env = await NodeAsync(trustLoopback: true);

        var echo = await EchoAsync(env, "/echo/milton", ("X-Forwarded-For", GeoTestData.MiltonIp), ("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148"));

        Assert.Equal("US", One(echo, "CloudFront-Viewer-Country"));
        Assert.Equal("United States", One(echo, "CloudFront-Viewer-Country-Name"));
        Assert.Equal("WA", One(echo, "CloudFront-Viewer-Country-Region"));
        Assert.Equal("Washington", One(echo, "CloudFront-Viewer-Country-Region-Name"));
        Assert.Equal("Milton", One(echo, "CloudFront-Viewer-City"));
        Assert.Equal("98354", One(echo, "CloudFront-Viewer-Postal-Code"));
        Assert.Equal("America/Los_Angeles", One(echo, "CloudFront-Viewer-Time-Zone"));
        Assert.Equal("47.25130", One(echo, "CloudFront-Viewer-Latitude"));
        Assert.Equal("-122.31490", One(echo, "CloudFront-Viewer-Longitude"));
        Assert.Equal("819", One(echo, "CloudFront-Viewer-Metro-Code"));
        Assert.Equal(GeoTestData.MiltonIp + ":0", One(echo, "CloudFront-Viewer-Address"));
        Assert.Equal("1.1", One(echo, "CloudFront-Viewer-Http-Version"));
        Assert.Equal("true", One(echo, "CloudFront-Is-Mobile-Viewer"));
        Assert.Equal("false", One(echo, "CloudFront-Is-Desktop-Viewer"));
        Assert.Equal("Milton", One(echo, "X-OR-City"));
        Assert.Equal("none", One(echo, "X-VR-Country"));
    }

    [Fact]
    public async Task OriginResponseFunction_SeesRequestGeoHeaders()
    {
        const string originResponse = """
            exports.handler = async (event) => {
              const cf = event.Records[0].cf;
              const c = cf.request.headers['cloudfront-viewer-country'];
              cf.response.headers['x-ors-country'] = [{ key: 'X-ORS-Country', value: c ? c[0].value : 'none' }];
              return cf.response;
            };
            """;
        await using var env = await new EdgeTestEnvironment()
            .Function("ors", originResponse)
            .Bind("*", originResponse: "ors")
            .WithCloudFrontHeaders("CloudFront-Viewer-Country")
            .StartAsync();

        var response = await env.Client.GetWithHeadersAsync("/echo/ors", ("X-Forwarded-For", GeoTestData.LondonIp));

        Assert.Equal("GB", response.Header("X-ORS-Country"));
    }

    [Fact]
    public async Task TrustedProxy_AsnDatabase_AsnHeader()
    {
        await using var env = await NodeAsync(trustLoopback: true);

        var echo = await EchoAsync(env, "/echo/asn", ("X-Forwarded-For", GeoTestData.AsnIp));

        Assert.Equal("1221", One(echo, "CloudFront-Viewer-ASN"));
        Assert.Empty(echo.Header("CloudFront-Viewer-Country"));
    }

    [Fact]
    public async Task UntrustedConnection_ForwardedForAndSpoofedHeadersIgnored()
    {
        await using var env = await NodeAsync(trustLoopback: false);

        var echo = await EchoAsync(env, "/echo/spoof", ("X-Forwarded-For", GeoTestData.LondonIp),
            ("CloudFront-Viewer-Country", "DE"), ("CloudFront-Is-SmartTV-Viewer", "true"));

        // 127.0.0.1 is in no database: no location at all, and the viewer's claims are gone.
        Assert.Empty(echo.Header("CloudFront-Viewer-Country"));
        Assert.Empty(echo.Header("CloudFront-Is-SmartTV-Viewer"));
        Assert.StartsWith("127.0.0.1:", One(echo, "CloudFront-Viewer-Address"));
        Assert.Equal("none", One(echo, "X-VR-Country"));
        Assert.Equal("none", One(echo, "X-OR-City"));
    }

    [Fact]
    public async Task PolicyNamesNone_NoCloudFrontHeaders()
    {
        await using var env = await NodeAsync(trustLoopback: true, policy: """{"headers": {"behavior": "allViewer"}}""");

        var echo = await EchoAsync(env, "/echo/plain", ("X-Forwarded-For", GeoTestData.LondonIp), ("CloudFront-Viewer-Country", "DE"));

        Assert.DoesNotContain(echo.Headers.Keys, k => k.StartsWith("CloudFront-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CachePolicyKeyHeader_AddedAndInCacheKey()
    {
        await using var env = await new EdgeTestEnvironment()
            .WithGeo(GeoTestData.Settings(trustLoopback: true))
            .Bind("*")
            .WithCachePolicy("""{"minTtl": 60, "defaultTtl": 60, "headers": {"behavior": "whitelist", "items": ["CloudFront-Viewer-Country"]}}""")
            .StartAsync();

        var london = await EchoAsync(env, "/echo/cached", ("X-Forwarded-For", GeoTestData.LondonIp));
        await EchoAsync(env, "/echo/cached", ("X-Forwarded-For", GeoTestData.BoxfordIp));
        var milton = await EchoAsync(env, "/echo/cached", ("X-Forwarded-For", GeoTestData.MiltonIp));

        Assert.Equal("GB", One(london, "CloudFront-Viewer-Country"));
        Assert.Equal("US", One(milton, "CloudFront-Viewer-Country"));
        // London and Boxford share the key GB; Milton has its own.
        Assert.Equal(2, (await env.Origin.GetHitsAsync()).For("/echo/cached"));
    }

    [Fact]
    public async Task UnknownCloudFrontHeader_ConfigError()
    {
        await using var env = new EdgeTestEnvironment()
            .Bind("*")
            .WithOriginRequestPolicy(GeoTestData.Policy("CloudFront-Viewer-Planet"));
        env.WriteFiles();

        Assert.Null(env.TryBuild(out var errors));

        // The unstarted environment has no origin either: only the policy's error matters here.
        Assert.Contains(errors, e => e.Path == "$.distributions[0].cacheBehaviors[0].originRequestPolicy.headers.items" &&
            e.Message.Contains("'CloudFront-Viewer-Planet' is not a CloudFront header", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("does-not-exist.mmdb", "does not exist")]
    [InlineData(null, "invalid size of double")]
    public async Task BadDatabase_FailMode_StartUpErrorNamesFile(string? file, string reason)
    {
        await using var env = new EdgeTestEnvironment()
            .WithGeo(GeoTestData.Settings(city: file ?? GeoTestData.Broken))
            .AddOrigin("sample", LoopbackPort.Free())
            .Bind("*");
        env.WriteFiles();

        Assert.Null(env.TryBuild(out var errors));

        var error = Assert.Single(errors, e => e.Path.StartsWith("$.Geo", StringComparison.Ordinal));
        Assert.Equal("$.Geo.CityDatabase", error.Path);
        Assert.Contains(file ?? "GeoIP2-City-Test-Broken-Double-Format.mmdb", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task CorruptDatabase_WarnMode_StartsWithoutGeoHeaders()
    {
        await using var env = await NodeAsync(trustLoopback: true, geo: GeoTestData.Settings(trustLoopback: true, city: GeoTestData.Broken, onError: "warn"));

        var echo = await EchoAsync(env, "/echo/warn", ("X-Forwarded-For", GeoTestData.LondonIp));

        Assert.Empty(echo.Header("CloudFront-Viewer-Country"));
        Assert.Equal(GeoTestData.LondonIp + ":0", One(echo, "CloudFront-Viewer-Address"));
        Assert.NotEmpty(env.Logs.Containing("invalid size of double"));
    }
}
