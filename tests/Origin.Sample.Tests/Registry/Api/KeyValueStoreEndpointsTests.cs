using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class KeyValueStoreEndpointsTests
{
    [Fact]
    public async Task Create_ReturnsAStoreWithAUuid()
    {
        await using var server = await RegistryServer.StartAsync();

        var store = await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs", comment = "user prefs" }));

        Assert.Equal("prefs", (string?)store["name"]);
        Assert.True(Guid.TryParse((string?)store["id"], out _));
        Assert.Equal(0, (long)store["version"]!);
        Assert.Equal(0, (int)store["itemCount"]!);
        Assert.Equal(0, (long)store["totalBytes"]!);
        Assert.NotNull(store["lastModified"]);
        await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceConflict", server.A.PostAsync("v1/kvs", new { name = "prefs" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PostAsync("v1/kvs", new { name = "no spaces" }));
    }

    [Fact]
    public async Task Keys_PutGetListDelete_BumpTheVersion()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs" }));

        await server.A.OkAsync(server.A.PutAsync("v1/kvs/prefs/keys/theme", new { value = "dark" }));
        await server.A.OkAsync(server.A.PutAsync("v1/kvs/prefs/keys/path/with/slash", new { value = "ok" }));
        var item = await server.A.OkAsync(server.A.GetAsync("v1/kvs/prefs/keys/theme"));
        var items = await server.A.OkAsync(server.A.GetAsync("v1/kvs/prefs/keys"));
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/kvs/prefs/keys/theme"));
        var store = await server.A.OkAsync(server.A.GetAsync("v1/kvs/prefs"));

        Assert.Equal("dark", (string?)item["value"]);
        Assert.Equal("theme", (string?)item["key"]);
        Assert.Equal(["path/with/slash", "theme"], items["items"]!.AsArray().Select(i => (string?)i!["key"]).ToList());
        Assert.Equal(3, (long)store["version"]!);
        Assert.Equal(1, (int)store["itemCount"]!);
        Assert.Equal("path/with/slash".Length + 2, (long)store["totalBytes"]!);
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "KeyNotFound", server.A.GetAsync("v1/kvs/prefs/keys/theme"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "KeyNotFound", server.A.DeleteAsync("v1/kvs/prefs/keys/theme"));
    }

    [Fact]
    public async Task Keys_OverTheLimits_AreRefusedWithLimitExceeded()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs" }));

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "LimitExceeded",
            server.A.PutAsync($"v1/kvs/prefs/keys/{new string('k', 513)}", new { value = "v" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "LimitExceeded",
            server.A.PutAsync("v1/kvs/prefs/keys/big", new { value = new string('v', 1025) }));
        // 5,300 items of about 1 KB: past the store's 5 MB.
        var tooMuch = new JsonObject();
        for (var i = 0; i < 5300; i++)
        {
            tooMuch[$"key{i}"] = new string('v', 1000);
        }
        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "LimitExceeded",
            server.A.PutAsync("v1/kvs/prefs/import", tooMuch.ToJsonString()));
        Assert.Contains("5 MB", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Import_ReplacesTheContentsInEitherFormat()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs" }));
        await server.A.OkAsync(server.A.PutAsync("v1/kvs/prefs/keys/old", new { value = "gone" }));

        await server.A.OkAsync(server.A.PutAsync("v1/kvs/prefs/import", new { a = "1", b = "2" }));
        var afterObject = await server.A.OkAsync(server.A.GetAsync("v1/kvs/prefs/keys"));
        var store = await server.A.OkAsync(server.A.PutAsync("v1/kvs/prefs/import", new { data = new[] { new { key = "c", value = "3" } } }));
        var afterData = await server.A.OkAsync(server.A.GetAsync("v1/kvs/prefs/keys"));

        Assert.Equal(["a", "b"], afterObject["items"]!.AsArray().Select(i => (string?)i!["key"]).ToList());
        Assert.Equal("c", (string?)Assert.Single(afterData["items"]!.AsArray())!["key"]);
        Assert.Equal(1, (int)store["itemCount"]!);
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidRequest", server.A.PutAsync("v1/kvs/prefs/import", new { a = 1 }));
    }

    [Fact]
    public async Task Delete_Associated_IsRefusedNamingTheFunctions()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "prefs" }));
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "spare" }));
        await server.A.CreateFunctionAsync("cff", new JsonObject { ["runtime"] = "cloudfront-js-2.0", ["keyValueStores"] = new JsonArray("prefs") });

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceInUse", server.A.DeleteAsync("v1/kvs/prefs"));
        await server.A.NoContentAsync(server.A.DeleteAsync("v1/kvs/spare"));

        Assert.Equal("function cff:$LATEST", (string?)problem["bindings"]![0]);
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/kvs/spare"));
        var list = await server.A.OkAsync(server.A.GetAsync("v1/kvs"));
        Assert.Equal("prefs", (string?)Assert.Single(list["stores"]!.AsArray())!["name"]);
    }

    [Fact]
    public async Task Associate_WithTwoStoresOrTheWrongRuntime_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "one" }));
        await server.A.CreatedAsync(server.A.PostAsync("v1/kvs", new { name = "two" }));

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PostAsync("v1/functions",
            new JsonObject { ["name"] = "f", ["runtime"] = "cloudfront-js-2.0", ["keyValueStores"] = new JsonArray("one", "two") }.ToJsonString()));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PostAsync("v1/functions",
            new JsonObject { ["name"] = "f", ["runtime"] = "nodejs20.x", ["keyValueStores"] = new JsonArray("one") }.ToJsonString()));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.PostAsync("v1/functions",
            new JsonObject { ["name"] = "f", ["runtime"] = "cloudfront-js-2.0", ["keyValueStores"] = new JsonArray("three") }.ToJsonString()));
    }
}
