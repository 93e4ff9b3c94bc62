using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry;

/// <summary>Account B acting on account A's resources: everything private to A is as missing as something that never existed.</summary>
public sealed class TenantIsolationTests
{
    [Fact]
    public async Task AnotherAccountsFunction_IsNotFoundForEveryOperation()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "1" }));
        var b = server.B;

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.GetAsync("v1/functions/hello"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.PatchAsync("v1/functions/hello", new { timeout = 1 }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.SendZipAsync(HttpMethod.Put, "v1/functions/hello/code", TestZips.Function()));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.PostAsync("v1/functions/hello/versions"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.GetAsync("v1/functions/hello/versions"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.GetAsync("v1/functions/hello/versions/1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.DeleteAsync("v1/functions/hello/versions/1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.GetAsync("v1/functions/hello/aliases/live"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "1" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.DeleteAsync("v1/functions/hello/aliases/live"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.DeleteAsync("v1/functions/hello"));
        Assert.Empty((await b.OkAsync(b.GetAsync("v1/functions")))["functions"]!.AsArray());
        // A's function is untouched.
        Assert.Equal(5, (double)(await server.A.OkAsync(server.A.GetAsync("v1/functions/hello")))["timeout"]!);
    }

    [Fact]
    public async Task AnotherAccountsFunction_CannotBeBound()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "1" }));
        await server.B.CreatedAsync(server.B.PutDistributionAsync("EDISTB", RegistryScenarios.Distribution(development: true)));

        foreach (var qualifier in new[] { "1", "live", "$LATEST" })
        {
            await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.B.PutAsync("v1/distributions/EDISTB/bindings",
                new { pathPattern = "*", @event = "origin-request", name = "hello", qualifier }));
        }
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.B.PutBoundDistributionAsync("EDISTC", "viewer-request", "hello", "1"));
    }

    [Fact]
    public async Task SameNames_InTwoAccounts_AreIndependent()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello", "a");
        await server.B.CreateWithCodeAsync("hello", "b");
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs" }));
        await server.B.CreatedAsync(server.B.PostAsync("v1/kvs", new { name = "prefs" }));

        Assert.Equal("1", await server.A.PublishAsync("hello"));
        Assert.Equal("1", await server.B.PublishAsync("hello"));
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello"));
        Assert.Equal("hello", (string?)(await server.B.OkAsync(server.B.GetAsync("v1/functions/hello")))["name"]);
        await server.B.OkAsync(server.B.PutAsync("v1/kvs/prefs/keys/k", new { value = "b" }));
        Assert.Empty((await server.A.OkAsync(server.A.GetAsync("v1/kvs/prefs/keys")))["items"]!.AsArray());
    }

    [Fact]
    public async Task AnotherAccountsKeyValueStore_IsNotFound()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs" }));
        await server.A.OkAsync(server.A.PutAsync("v1/kvs/prefs/keys/k", new { value = "v" }));
        var b = server.B;

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.GetAsync("v1/kvs/prefs"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.GetAsync("v1/kvs/prefs/keys/k"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.PutAsync("v1/kvs/prefs/keys/k", new { value = "x" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.PutAsync("v1/kvs/prefs/import", new { k = "x" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.DeleteAsync("v1/kvs/prefs"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", b.PostAsync("v1/functions",
            new JsonObject { ["name"] = "f", ["runtime"] = "cloudfront-js-2.0", ["keyValueStores"] = new JsonArray("prefs") }.ToJsonString()));
    }

    [Fact]
    public async Task AnotherAccountsLayer_CannotBeManagedEvenWhenPublic()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer()));
        await server.A.OkAsync(server.A.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "public" }));
        var b = server.B;

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", b.GetAsync("v1/layers/utils/versions/1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", b.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "private" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", b.DeleteAsync("v1/layers/utils/versions/1"));
        // B's own "utils" is another layer with its own numbering.
        var own = await b.CreatedAsync(b.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer()));
        Assert.Equal(1, (int)own["version"]!);
    }

    [Fact]
    public async Task AnotherAccountsLayer_IsUsableOnlyWhilePublicOrShared()
    {
        await using var server = await RegistryServer.StartAsync();
        var layer = await server.A.CreatedAsync(server.A.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer()));
        await server.B.CreateFunctionAsync("consumer");
        var useLayer = new { layers = new[] { (string)layer["arn"]! } };

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.B.PatchAsync("v1/functions/consumer", useLayer));
        await server.A.OkAsync(server.A.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "accounts", accounts = new[] { RegistryServer.AccountB } }));
        await server.B.OkAsync(server.B.PatchAsync("v1/functions/consumer", useLayer));
        await server.A.OkAsync(server.A.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "private" }));
        await server.C.CreateFunctionAsync("other");
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.C.PatchAsync("v1/functions/other", useLayer));
    }
}
