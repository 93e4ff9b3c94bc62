using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Fixtures;

/// <summary>The fixture set through <c>edge test</c>, on both engines: the same answers as in the node.</summary>
public sealed class FixtureEdgeTestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-fixture-").FullName;

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "LambdaEdge", name + ".js");

    /// <summary>A Lambda@Edge event as AWS documents it, for one request (and response, for response events).</summary>
    private string Event(string eventType, string uri, string querystring = "", (string Name, string Value)[]? headers = null, string? status = null)
    {
        var requestHeaders = new JsonObject { ["host"] = new JsonArray(new JsonObject { ["key"] = "Host", ["value"] = "d111111abcdef8.cloudfront.net" }) };
        foreach (var (name, value) in headers ?? [])
        {
            requestHeaders[name.ToLowerInvariant()] = new JsonArray(new JsonObject { ["key"] = name, ["value"] = value });
        }
        var cf = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["distributionDomainName"] = "d111111abcdef8.cloudfront.net", ["distributionId"] = "EDFDVBD6EXAMPLE",
                ["eventType"] = eventType, ["requestId"] = "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==",
            },
            ["request"] = new JsonObject
            {
                ["clientIp"] = "203.0.113.178", ["headers"] = requestHeaders, ["method"] = "GET", ["querystring"] = querystring, ["uri"] = uri,
            },
        };
        if (status is not null)
        {
            cf["response"] = new JsonObject { ["headers"] = new JsonObject(), ["status"] = status, ["statusDescription"] = "Not Found" };
        }
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["cf"] = cf }) }.ToJsonString());
        return path;
    }

    private async Task<JsonElement> RunAsync(string engine, string fixture, string eventFile, string eventType)
    {
        var (exit, output, error) = await EdgeCliProcess.RunAsync(_dir, "test", "--code", FixturePath(fixture), "--event", eventFile,
            "--event-type", eventType, "--engine", engine);
        Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
        var root = JsonDocument.Parse(output).RootElement.Clone();
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, output);
        return root.GetProperty("result");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SpaRewrite(string engine)
    {
        var result = await RunAsync(engine, "spa-rewrite", Event("viewer-request", "/dashboard"), "viewer-request");
        Assert.Equal("/echo/index.html", result.GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task RedirectKeepQuery(string engine)
    {
        var result = await RunAsync(engine, "redirect-keep-query", Event("viewer-request", "/old/a", "x=1"), "viewer-request");
        Assert.Equal("301", result.GetProperty("status").GetString());
        Assert.Equal("/new/a?x=1", result.GetProperty("headers").GetProperty("location")[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task BasicAuth(string engine)
    {
        var denied = await RunAsync(engine, "basic-auth", Event("viewer-request", "/"), "viewer-request");
        var allowed = await RunAsync(engine, "basic-auth",
            Event("viewer-request", "/", headers: [("Authorization", "Basic " + Convert.ToBase64String("admin:secret"u8))]), "viewer-request");
        Assert.Equal("401", denied.GetProperty("status").GetString());
        Assert.Equal("/", allowed.GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task QueryNormalise(string engine)
    {
        var result = await RunAsync(engine, "query-normalise", Event("viewer-request", "/", "B=2&a=1"), "viewer-request");
        Assert.Equal("a=1&b=2", result.GetProperty("querystring").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task GeoRedirect(string engine)
    {
        var result = await RunAsync(engine, "geo-redirect", Event("origin-request", "/shop", headers: [("CloudFront-Viewer-Country", "DE")]), "origin-request");
        Assert.Equal("302", result.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CustomErrorPage(string engine)
    {
        var result = await RunAsync(engine, "custom-error-page", Event("origin-response", "/missing", status: "404"), "origin-response");
        Assert.Equal("<h1>Sorry, that page is not here.</h1>", result.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task SecurityHeaders(string engine)
    {
        var result = await RunAsync(engine, "security-headers", Event("viewer-response", "/", status: "200"), "viewer-response");
        Assert.Equal("DENY", result.GetProperty("headers").GetProperty("x-frame-options")[0].GetProperty("value").GetString());
    }

    /// <summary>A CloudFront Functions viewer-request event as AWS documents it.</summary>
    private string CloudFrontEvent(string uri, string headersJson = "{}") =>
        WriteJson("""{"version":"1.0","context":{"distributionDomainName":"d111111abcdef8.cloudfront.net","distributionId":"EDFDVBD6EXAMPLE","eventType":"viewer-request","requestId":"4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ=="},"viewer":{"ip":"198.51.100.11"},"request":{"method":"GET","uri":"""
            + JsonSerializer.Serialize(uri) + ""","querystring":{},"headers":""" + headersJson + ""","cookies":{}}}""");

    private string WriteJson(string json)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<JsonElement> RunCloudFrontAsync(string engine, string fixture, string runtime, string eventFile, params string[] extra)
    {
        var code = Path.Combine(AppContext.BaseDirectory, "Fixtures", "CloudFrontFunctions", fixture + ".js");
        var (exit, output, error) = await EdgeCliProcess.RunAsync(_dir, ["test", "--code", code, "--event", eventFile, "--runtime", runtime, "--engine", engine, .. extra]);
        Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
        var root = JsonDocument.Parse(output).RootElement.Clone();
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, output);
        return root;
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CloudFront_SpaRewrite(string engine)
    {
        var root = await RunCloudFrontAsync(engine, "spa-rewrite", "cloudfront-js-1.0", CloudFrontEvent("/dashboard"));
        Assert.Equal("/echo/index.html", root.GetProperty("result").GetProperty("uri").GetString());
        Assert.InRange(root.GetProperty("computeUtilization").GetInt32(), 0, 100);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CloudFront_BasicAuth(string engine)
    {
        var root = await RunCloudFrontAsync(engine, "basic-auth", "cloudfront-js-2.0", CloudFrontEvent("/"));
        Assert.Equal(401, root.GetProperty("result").GetProperty("statusCode").GetInt32());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CloudFront_AbKvsWeights(string engine)
    {
        var store = WriteJson("""{"weights": "{\"a\": 0.2}"}""");
        var root = await RunCloudFrontAsync(engine, "ab-kvs-weights", "cloudfront-js-2.0",
            CloudFrontEvent("/echo/home", """{"x-roll":{"value":"0.9"}}"""), "--kvs", "experiments=" + store);
        Assert.Equal("/echo/b/home", root.GetProperty("result").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task CloudFront_OriginSwitch_ReportsTheOrigin(string engine)
    {
        var switched = await RunCloudFrontAsync(engine, "origin-switch", "cloudfront-js-2.0", CloudFrontEvent("/", """{"x-backend":{"value":"second"}}"""));
        var unchanged = await RunCloudFrontAsync(engine, "origin-switch", "cloudfront-js-2.0", CloudFrontEvent("/"));
        Assert.NotEqual(JsonValueKind.Null, switched.GetProperty("origin").ValueKind);
        Assert.Contains("second", switched.GetProperty("origin").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("origin").ValueKind);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
