using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class LayerEndpointsTests
{
    private static Task<JsonNode> PublishLayerAsync(RegistryClient client, string name = "utils", string package = "util") =>
        client.CreatedAsync(client.SendZipAsync(HttpMethod.Post, $"v1/layers/{name}/versions?description=helpers", TestZips.Layer(package)));

    [Fact]
    public async Task Publish_NumbersVersionsAndNamesThemByArn()
    {
        await using var server = await RegistryServer.StartAsync();

        var first = await PublishLayerAsync(server.A);
        var second = await PublishLayerAsync(server.A, package: "other");

        Assert.Equal(1, (int)first["version"]!);
        Assert.Equal($"arn:edge:layer:{RegistryServer.AccountA}:utils:1", (string?)first["arn"]);
        Assert.Equal("helpers", (string?)first["description"]);
        Assert.Equal("private", (string?)first["visibility"]);
        Assert.Equal(64, ((string?)first["codeSha256"])!.Length);
        Assert.Equal(2, (int)second["version"]!);
        var versions = await server.A.OkAsync(server.A.GetAsync("v1/layers/utils/versions"));
        Assert.Equal(2, versions["versions"]!.AsArray().Count);
        Assert.Equal(2, (int)(await server.A.OkAsync(server.A.GetAsync("v1/layers/utils/versions/2")))["version"]!);
    }

    [Fact]
    public async Task Publish_Invalid_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidZip", server.A.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", [1, 2, 3]));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "SyntaxError", server.A.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions",
            TestZips.Create(("nodejs/node_modules/bad/index.js", "module.exports = {;"))));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "UnsafePath", server.A.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions",
            TestZips.Create(("../nodejs/x.js", "1;"))));
    }

    [Fact]
    public async Task Get_Missing_IsLayerNotFound()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.A.GetAsync("v1/layers/utils/versions"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.A.GetAsync("v1/layers/utils/versions/1"));
    }

    [Fact]
    public async Task Permission_ControlsWhoMayUseTheLayer()
    {
        await using var server = await RegistryServer.StartAsync();
        var arn = (string)(await PublishLayerAsync(server.A))["arn"]!;
        var withLayer = new JsonObject { ["name"] = "consumer", ["layers"] = new JsonArray(arn) };

        // Private: another account is told the layer does not exist.
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.B.PostAsync("v1/functions", withLayer.ToJsonString()));

        await server.A.OkAsync(server.A.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "accounts", accounts = new[] { RegistryServer.AccountB } }));
        await server.B.CreatedAsync(server.B.PostAsync("v1/functions", withLayer.ToJsonString()));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.C.PostAsync("v1/functions", withLayer.ToJsonString()));

        var shared = await server.A.OkAsync(server.A.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "public" }));
        Assert.Equal("public", (string?)shared["visibility"]);
        await server.C.CreatedAsync(server.C.PostAsync("v1/functions", withLayer.ToJsonString()));
    }

    [Fact]
    public async Task List_ShowsOwnAndUsableLayersNewestVersionOnly()
    {
        await using var server = await RegistryServer.StartAsync();
        await PublishLayerAsync(server.A, "shared");
        await PublishLayerAsync(server.A, "shared");
        await PublishLayerAsync(server.A, "secret");
        await server.A.OkAsync(server.A.PutAsync("v1/layers/shared/versions/2/permission", new { visibility = "public" }));
        await PublishLayerAsync(server.B, "mine");

        var seenByB = await server.B.OkAsync(server.B.GetAsync("v1/layers"));

        var arns = seenByB["layers"]!.AsArray().Select(l => (string?)l!["arn"]).Order().ToList();
        Assert.Equal([$"arn:edge:layer:{RegistryServer.AccountA}:shared:2", $"arn:edge:layer:{RegistryServer.AccountB}:mine:1"], arns);
    }

    [Theory]
    [InlineData("""{"visibility":"everyone"}""")]
    [InlineData("""{"visibility":"accounts"}""")]
    [InlineData("""{"visibility":"accounts","accounts":["12"]}""")]
    [InlineData("""{"visibility":"public","accounts":["222222222222"]}""")]
    public async Task Permission_Invalid_IsRefused(string body)
    {
        await using var server = await RegistryServer.StartAsync();
        await PublishLayerAsync(server.A);

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PutAsync("v1/layers/utils/versions/1/permission", body));
    }

    [Fact]
    public async Task Delete_InUse_IsRefusedNamingOwnFunctionsAndCountingOthers()
    {
        await using var server = await RegistryServer.StartAsync();
        var arn = (string)(await PublishLayerAsync(server.A))["arn"]!;
        await server.A.OkAsync(server.A.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "public" }));
        await server.A.CreatePublishedAsync("mine", settings: new JsonObject { ["layers"] = new JsonArray(arn) });
        await server.B.CreateFunctionAsync("theirs", new JsonObject { ["layers"] = new JsonArray(arn) });

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceInUse", server.A.DeleteAsync("v1/layers/utils/versions/1"));

        var bindings = problem["bindings"]!.AsArray().Select(b => (string?)b).ToList();
        Assert.Equal(["function mine:$LATEST", "function mine:1", "1 function(s) of other accounts"], bindings);
        Assert.DoesNotContain("theirs", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Delete_Unused_WorksAndNumbersAreNotReused()
    {
        await using var server = await RegistryServer.StartAsync();
        await PublishLayerAsync(server.A);

        await server.A.NoContentAsync(server.A.DeleteAsync("v1/layers/utils/versions/1"));

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "LayerNotFound", server.A.GetAsync("v1/layers/utils/versions/1"));
        Assert.Equal(2, (int)(await PublishLayerAsync(server.A))["version"]!);
    }
}
