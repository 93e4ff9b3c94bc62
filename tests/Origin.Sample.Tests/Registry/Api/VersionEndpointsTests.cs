using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class VersionEndpointsTests
{
    [Fact]
    public async Task Publish_WithoutCode_IsRefusedWithNoCode()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "NoCode", server.A.PostAsync("v1/functions/hello/versions"));
    }

    [Fact]
    public async Task Publish_FreezesCodeAndSettings()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello", settings: new JsonObject { ["memorySize"] = 256, ["layers"] = new JsonArray() });
        var latest = await server.A.OkAsync(server.A.GetAsync("v1/functions/hello"));

        var version = await server.A.CreatedAsync(server.A.PostAsync("v1/functions/hello/versions", new { description = "first" }));
        await server.A.OkAsync(server.A.PatchAsync("v1/functions/hello", new { memorySize = 512 }));

        Assert.Equal("1", (string?)version["version"]);
        Assert.Equal("first", (string?)version["description"]);
        Assert.Equal((string?)latest["codeSha256"], (string?)version["codeSha256"]);
        Assert.Equal((long)latest["codeSize"]!, (long)version["codeSize"]!);
        Assert.NotNull(version["layers"]);
        var stored = await server.A.OkAsync(server.A.GetAsync("v1/functions/hello/versions/1"));
        Assert.Equal(256, (int)stored["memorySize"]!);
    }

    [Fact]
    public async Task Publish_Unchanged_ReturnsTheNewestVersionWith200()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");

        var again = await server.A.OkAsync(server.A.PostAsync("v1/functions/hello/versions"));

        Assert.Equal("1", (string?)again["version"]);
        await server.A.UploadAsync("hello", TestZips.Function("changed"));
        Assert.Equal("2", await server.A.PublishAsync("hello"));
        await server.A.OkAsync(server.A.PatchAsync("v1/functions/hello", new { timeout = 2 }));
        Assert.Equal("3", await server.A.PublishAsync("hello"));
    }

    [Fact]
    public async Task Publish_AfterADelete_NeverReusesANumber()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");
        await server.A.UploadAsync("hello", TestZips.Function("2"));
        await server.A.PublishAsync("hello");

        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello/versions/2"));
        await server.A.UploadAsync("hello", TestZips.Function("3"));

        Assert.Equal("3", await server.A.PublishAsync("hello"));
        var list = await server.A.OkAsync(server.A.GetAsync("v1/functions/hello/versions"));
        Assert.Equal(["1", "3"], list["versions"]!.AsArray().Select(v => (string?)v!["version"]).ToList());
    }

    [Fact]
    public async Task Get_MissingVersion_IsVersionNotFound()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "VersionNotFound", server.A.GetAsync("v1/functions/hello/versions/7"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "VersionNotFound", server.A.GetAsync("v1/functions/hello/versions/$LATEST"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "VersionNotFound", server.A.DeleteAsync("v1/functions/hello/versions/7"));
    }

    [Fact]
    public async Task List_OfMissingFunction_IsNotFound()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/functions/nope/versions"));
    }

    [Fact]
    public async Task Delete_BoundVersion_IsRefusedNamingBindingsAndAliases()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "1" }));
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDIST1", "origin-request", "hello", "1"));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceInUse", server.A.DeleteAsync("v1/functions/hello/versions/1"));

        var bindings = problem["bindings"]!.AsArray().Select(b => (string?)b).ToList();
        Assert.Equal(["EDIST1 * origin-request → hello:1", "alias live"], bindings);
        Assert.Contains("EDIST1 * origin-request → hello:1", (string?)problem["detail"]);
    }
}
