using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Document_DescribesTheRegistryAndBillingApis()
    {
        await using var server = await RegistryServer.StartAsync();
        var client = server.Client(null);

        var document = await client.OkAsync(client.GetAsync("openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/v1/functions", paths);
        Assert.Contains("/v1/functions/{name}/versions", paths);
        Assert.Contains("/v1/distributions/{id}/bindings", paths);
        Assert.Contains("/v1/edge/snapshot", paths);
        Assert.Contains("/v1/edge/usage", paths);
        Assert.Contains("/billing/usage", paths);
        Assert.Contains("/billing/invoice", paths);
        Assert.Contains("/v1/edge/logs", paths);
        Assert.Contains("/logs", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/v1/", StringComparison.Ordinal) && !p.StartsWith("/billing/", StringComparison.Ordinal) && p != "/logs");
    }

    [Fact]
    public async Task UnknownRoutesAndMediaTypes_AreAnsweredWithProblems()
    {
        await using var server = await RegistryServer.StartAsync();
        var zipAsText = new HttpRequestMessage(HttpMethod.Put, "v1/functions/hello/code") { Content = new StringContent("PK") };

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/no/such/route"));
        await RegistryClient.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "InvalidRequest", new HttpClient { BaseAddress = server.BaseUri }.SendAsync(zipAsText));
    }

    [Fact]
    public async Task SampleContent_StillServes_AndLeavesTheDataDirectoryAlone()
    {
        await using var server = await RegistryServer.StartAsync();
        var client = server.Client(null);

        using var page = await client.GetAsync("");
        using var missing = await client.GetAsync("no/such/page");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(Directory.Exists(server.DataDirectory));
    }
}
