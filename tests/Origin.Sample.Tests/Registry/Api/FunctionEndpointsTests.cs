using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class FunctionEndpointsTests
{
    [Fact]
    public async Task Create_NewName_ReturnsFunctionWithoutCode()
    {
        await using var server = await RegistryServer.StartAsync();
        var function = await server.A.CreateFunctionAsync("hello", new JsonObject
        {
            ["runtime"] = "nodejs22.x", ["memorySize"] = 256, ["timeout"] = 10, ["description"] = "greets",
            ["environment"] = new JsonObject { ["STAGE"] = "prod" }, ["allowedHosts"] = new JsonArray("api.example.com"),
        });

        Assert.Equal("hello", (string?)function["name"]);
        Assert.Equal("nodejs22.x", (string?)function["runtime"]);
        Assert.Equal("index.handler", (string?)function["handler"]);
        Assert.Equal("v8", (string?)function["engine"]);
        Assert.Equal(256, (int)function["memorySize"]!);
        Assert.Equal(10, (double)function["timeout"]!);
        Assert.Equal("prod", (string?)function["environment"]!["STAGE"]);
        Assert.Equal("api.example.com", (string?)function["allowedHosts"]![0]);
        Assert.Null(function["codeSha256"]);
        Assert.NotNull(function["lastModified"]);
    }

    [Fact]
    public async Task Create_ExistingName_IsRefusedWithResourceConflict()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceConflict", server.A.PostAsync("v1/functions", new { name = "hello" }));
    }

    [Theory]
    [InlineData("""{"name":"bad name"}""")]
    [InlineData("""{"name":"hello","runtime":"python3.12"}""")]
    [InlineData("""{"name":"hello","engine":"spidermonkey"}""")]
    [InlineData("""{"name":"hello","handler":"index"}""")]
    [InlineData("""{"name":"hello","memorySize":64}""")]
    [InlineData("""{"name":"hello","memorySize":20000}""")]
    [InlineData("""{"name":"hello","timeout":0}""")]
    [InlineData("""{"name":"hello","timeout":31}""")]
    [InlineData("""{"name":"hello","environment":{"1BAD":"x"}}""")]
    [InlineData("""{"name":"hello","environment":{"AWS_REGION":"x"}}""")]
    [InlineData("""{"name":"hello","allowedHosts":["http://x/y"]}""")]
    [InlineData("""{"name":"hello","keyValueStores":["prefs"]}""")]
    [InlineData("""{"name":"hello","layers":["not-an-arn"]}""")]
    [InlineData("""{"name":"hello","layers":["a","b","c","d","e","f"]}""")]
    public async Task Create_InvalidSettings_IsRefusedWithInvalidParameterValue(string body)
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PostAsync("v1/functions", body));
    }

    [Fact]
    public async Task Create_EnvironmentOver4KB_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        var environment = new JsonObject { ["BIG"] = new string('x', 4100) };

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue",
            server.A.PostAsync("v1/functions", new JsonObject { ["name"] = "hello", ["environment"] = environment }.ToJsonString()));
        Assert.Contains("4 KB", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("""{"name":"hello","memorysize":"x"}""")]
    [InlineData("""{"name":"hello","unknown":1}""")]
    [InlineData("""not json""")]
    public async Task Create_MalformedBody_IsRefusedWithInvalidRequest(string body)
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidRequest", server.A.PostAsync("v1/functions", body));
    }

    [Fact]
    public async Task ListAndGet_ReturnOnlyTheCallersFunctions()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("one");
        await server.A.CreateFunctionAsync("two");
        await server.B.CreateFunctionAsync("theirs");

        var list = await server.A.OkAsync(server.A.GetAsync("v1/functions"));
        var names = list["functions"]!.AsArray().Select(f => (string?)f!["name"]).ToList();
        Assert.Equal(["one", "two"], names);
        Assert.Equal("one", (string?)(await server.A.OkAsync(server.A.GetAsync("v1/functions/one")))["name"]);
    }

    [Fact]
    public async Task Get_Missing_IsNotFound()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/functions/nope"));
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheGivenSettings()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello", new JsonObject { ["description"] = "first", ["memorySize"] = 256 });

        var patched = await server.A.OkAsync(server.A.PatchAsync("v1/functions/hello", new { timeout = 3, engine = "jint" }));

        Assert.Equal(3, (double)patched["timeout"]!);
        Assert.Equal("jint", (string?)patched["engine"]);
        Assert.Equal(256, (int)patched["memorySize"]!);
        Assert.Equal("first", (string?)patched["description"]);
    }

    [Fact]
    public async Task Patch_Rename_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PatchAsync("v1/functions/hello", new { name = "other" }));
    }

    [Fact]
    public async Task UploadCode_Zip_SetsSha256AndSize()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");
        var zip = TestZips.Function();

        var function = await server.A.UploadAsync("hello", zip);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip)), (string?)function["codeSha256"]);
        Assert.Equal(zip.Length, (long)function["codeSize"]!);
    }

    [Fact]
    public async Task UploadCode_ZipUrl_FetchesTheZip()
    {
        await using var server = await RegistryServer.StartAsync(settings: ZipFileServer.AllowLoopback);
        await using var files = await ZipFileServer.StartAsync(TestZips.Function("fetched"));
        await server.A.CreateFunctionAsync("hello");

        var function = await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/code", new { zipUrl = files.Url }));

        Assert.Equal(files.Sha256, (string?)function["codeSha256"]);
    }

    [Fact]
    public async Task UploadCode_ZipUrlThatFails_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync(settings: ZipFileServer.AllowLoopback);
        await server.A.CreateFunctionAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "ZipUrlFailed",
            server.A.PutAsync("v1/functions/hello/code", new { zipUrl = new Uri(server.BaseUri, "no-such-file.zip").ToString() }));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue",
            server.A.PutAsync("v1/functions/hello/code", new { zipUrl = "file:///etc/passwd" }));
    }

    [Fact]
    public async Task UploadCode_ToMissingFunction_IsNotFound()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            server.A.SendZipAsync(HttpMethod.Put, "v1/functions/nope/code", TestZips.Function()));
    }

    [Fact]
    public async Task Delete_Unbound_RemovesFunctionAndVersions()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");

        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/functions/hello"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.DeleteAsync("v1/functions/hello"));
    }

    [Fact]
    public async Task Delete_Bound_IsRefusedNamingTheBindings()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello");
        var version = await server.A.PublishAsync("hello");
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = version }));
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "hello", "live"));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceInUse", server.A.DeleteAsync("v1/functions/hello"));

        Assert.Equal("EDIST1 * viewer-request → hello:live", (string?)problem["bindings"]![0]);
    }
}
