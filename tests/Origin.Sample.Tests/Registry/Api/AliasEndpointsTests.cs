using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class AliasEndpointsTests
{
    private static async Task<RegistryServer> WithTwoVersionsAsync()
    {
        var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");
        await server.A.UploadAsync("hello", TestZips.Function("2"));
        await server.A.PublishAsync("hello");
        return server;
    }

    [Fact]
    public async Task Put_CreatesAndUpdatesWithWeights()
    {
        await using var server = await WithTwoVersionsAsync();

        var created = await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "1", description = "prod" }));
        var updated = await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live",
            new { functionVersion = "1", routingConfig = new { additionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.1 } } }));

        Assert.Equal("live", (string?)created["name"]);
        Assert.Equal("1", (string?)created["functionVersion"]);
        Assert.Equal("prod", (string?)created["description"]);
        Assert.Equal(0.1, (double)updated["routingConfig"]!["additionalVersionWeights"]!["2"]!);
        var fetched = await server.A.OkAsync(server.A.GetAsync("v1/functions/hello/aliases/live"));
        Assert.Equal(0.1, (double)fetched["routingConfig"]!["additionalVersionWeights"]!["2"]!);
        var list = await server.A.OkAsync(server.A.GetAsync("v1/functions/hello/aliases"));
        Assert.Single(list["aliases"]!.AsArray());
    }

    [Fact]
    public async Task Put_MissingVersion_IsVersionNotFound()
    {
        await using var server = await WithTwoVersionsAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "VersionNotFound",
            server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "9" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "VersionNotFound",
            server.A.PutAsync("v1/functions/hello/aliases/live",
                new { functionVersion = "1", routingConfig = new { additionalVersionWeights = new Dictionary<string, double> { ["9"] = 0.5 } } }));
    }

    [Theory]
    [InlineData("live", """{"functionVersion":"1","routingConfig":{"additionalVersionWeights":{"2":1.0}}}""")]
    [InlineData("live", """{"functionVersion":"1","routingConfig":{"additionalVersionWeights":{"2":-0.1}}}""")]
    [InlineData("live", """{"functionVersion":"1","routingConfig":{"additionalVersionWeights":{"1":0.1,"2":0.1}}}""")]
    [InlineData("live", """{"functionVersion":"1","routingConfig":{"additionalVersionWeights":{"1":0.1}}}""")]
    [InlineData("live", """{"functionVersion":"$LATEST"}""")]
    [InlineData("123", """{"functionVersion":"1"}""")]
    [InlineData("$LATEST", """{"functionVersion":"1"}""")]
    public async Task Put_Invalid_IsRefused(string alias, string body)
    {
        await using var server = await WithTwoVersionsAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue",
            server.A.PutAsync($"v1/functions/hello/aliases/{Uri.EscapeDataString(alias)}", body));
    }

    [Fact]
    public async Task Delete_Unbound_Works_AndBound_IsRefusedNamingTheBinding()
    {
        await using var server = await WithTwoVersionsAsync();
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/old", new { functionVersion = "1" }));
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "2" }));
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDIST1", "viewer-response", "hello", "live"));

        await server.A.NoContentAsync(server.A.DeleteAsync("v1/functions/hello/aliases/old"));
        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceInUse", server.A.DeleteAsync("v1/functions/hello/aliases/live"));

        Assert.Equal("EDIST1 * viewer-response → hello:live", (string?)problem["bindings"]![0]);
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/functions/hello/aliases/old"));
    }
}
