using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class DistributionEndpointsTests
{
    [Fact]
    public async Task Put_CreatesThenUpdates_AndGeneratesTheDomainName()
    {
        await using var server = await RegistryServer.StartAsync();

        var created = await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution(aliases: "www.a.test")));
        var updated = await server.A.OkAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution(aliases: "www2.a.test")));

        Assert.Equal("EDIST1", (string?)created["id"]);
        Assert.Equal("edist1.edge.local", (string?)created["domainName"]);
        Assert.False((bool)created["development"]!);
        Assert.Equal("www2.a.test", (string?)updated["aliases"]![0]);
        Assert.Equal("EDIST1", (string?)(await server.A.OkAsync(server.A.GetAsync("v1/distributions/EDIST1")))["id"]);
        var list = await server.A.OkAsync(server.A.GetAsync("v1/distributions"));
        Assert.Single(list["distributions"]!.AsArray());
    }

    [Fact]
    public async Task Post_WithoutId_GeneratesOne()
    {
        await using var server = await RegistryServer.StartAsync();

        var created = await server.A.CreatedAsync(server.A.PostAsync("v1/distributions", RegistryScenarios.Distribution().ToJsonString()));

        Assert.Matches("^E[A-Z0-9]{13}$", (string?)created["id"]);
    }

    [Fact]
    public async Task Delete_RemovesTheDistribution()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));

        await server.A.NoContentAsync(server.A.DeleteAsync("v1/distributions/EDIST1"));

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("v1/distributions/EDIST1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.DeleteAsync("v1/distributions/EDIST1"));
    }

    [Fact]
    public async Task Put_DefaultTrue_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        var body = RegistryScenarios.Distribution();
        body["default"] = true;

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PutDistributionAsync("EDIST1", body));
    }

    [Fact]
    public async Task Put_WhatTheNodeWouldRefuse_IsRefusedWithEveryError()
    {
        await using var server = await RegistryServer.StartAsync();
        var body = RegistryScenarios.Distribution();
        body["cacheBehaviors"]![0]!["originId"] = "missing";
        body["cacheBehaviors"]![0]!["allowedMethods"] = new JsonArray("FETCH");

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidDistribution", server.A.PutDistributionAsync("EDIST1", body));

        var paths = problem["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        Assert.Contains("$.cacheBehaviors[0].originId", paths);
        Assert.Contains("$.cacheBehaviors[0].allowedMethods", paths);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("WAY_TOO_LONG")]
    public async Task Put_BadId_IsRefused(string id)
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PutDistributionAsync(id, RegistryScenarios.Distribution()));
    }

    [Fact]
    public async Task Put_LatestInAProductionDistribution_IsRefused_AndAllowedInDevelopment()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello");
        var binding = RegistryScenarios.Bind("viewer-request", "hello", "$LATEST");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "LatestNotAllowed",
            server.A.PutDistributionAsync("EPROD", RegistryScenarios.Distribution(binding)));
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDEV", RegistryScenarios.Distribution(
            RegistryScenarios.Bind("viewer-request", "hello", "$LATEST"), development: true)));
    }

    [Fact]
    public async Task Put_LatestWithoutCode_IsRefusedWithNoCode()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "NoCode", server.A.PutBoundDistributionAsync("EDEV", "viewer-request", "hello", "$LATEST", development: true));
    }

    [Fact]
    public async Task Put_HostNameOfAnotherAccountsDistribution_IsRefusedWithCnameAlreadyExists()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDISTA", RegistryScenarios.Distribution(aliases: "www.shop.test")));

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "CnameAlreadyExists",
            server.B.PutDistributionAsync("EDISTB", RegistryScenarios.Distribution(aliases: ["api.b.test", "WWW.shop.test"])));
        Assert.Contains("www.shop.test", (string?)problem["detail"]);
        await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "CnameAlreadyExists",
            server.B.PutDistributionAsync("EDISTB", RegistryScenarios.Distribution(aliases: "edista.edge.local")));
    }

    [Fact]
    public async Task Put_IdOfAnotherAccount_IsRefused_AndItsDistributionIsInvisible()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));

        await RegistryClient.ProblemAsync(HttpStatusCode.Conflict, "ResourceConflict", server.B.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.B.GetAsync("v1/distributions/EDIST1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.B.DeleteAsync("v1/distributions/EDIST1"));
        Assert.Empty((await server.B.OkAsync(server.B.GetAsync("v1/distributions")))["distributions"]!.AsArray());
    }

    [Fact]
    public async Task Put_BindingToMissingTargets_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");

        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            server.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "nope", "1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "VersionNotFound",
            server.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "hello", "5"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            server.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "hello", "live"));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue",
            server.A.PutBoundDistributionAsync("EDIST1", "on-request", "hello", "1"));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue",
            server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution(RegistryScenarios.Bind("viewer-response", "hello", "1", includeBody: true))));
    }

    [Theory]
    [InlineData("memory", "InvalidParameterValue")]
    [InlineData("size", "CodeTooLargeForEvent")]
    public async Task Put_OverAViewerEventLimit_IsRefusedThereButNotOnOriginEvents(string over, string code)
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("fn", over == "memory" ? new JsonObject { ["memorySize"] = 512 } : null);
        // Random bytes do not compress: such a zip is over the viewer events' 1 MB.
        await server.A.UploadAsync("fn", over == "size"
            ? TestZips.Create(("index.js", System.Text.Encoding.UTF8.GetBytes(TestZips.Handler)), ("assets/noise.bin", RandomNumberGenerator.GetBytes(1_100_000)))
            : TestZips.Function());
        await server.A.PublishAsync("fn");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, code, server.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "fn", "1"));
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDIST1", "origin-response", "fn", "1"));
    }

    [Fact]
    public async Task Put_CloudFrontFunction_BindsToViewerEventsOnly()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateFunctionAsync("cff", new JsonObject { ["runtime"] = "cloudfront-js-1.0" });
        await server.A.UploadAsync("cff", TestZips.Create(("index.js", "function handler(event) { return event.request; }\n")));
        await server.A.PublishAsync("cff");

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PutBoundDistributionAsync("EDIST2", "origin-response", "cff", "1"));
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDIST2", "viewer-response", "cff", "1"));
    }

    [Fact]
    public async Task Bindings_PutAndDelete_ChangeOneBehaviour()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello");
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));

        var bound = await server.A.OkAsync(server.A.PutAsync("v1/distributions/EDIST1/bindings",
            new { pathPattern = "*", @event = "origin-request", name = "hello", qualifier = "1", includeBody = true }));
        var unbound = await server.A.OkAsync(server.A.DeleteAsync("v1/distributions/EDIST1/bindings?pathPattern=*&event=origin-request"));

        var association = bound["cacheBehaviors"]![0]!["functions"]!["origin-request"]!;
        Assert.Equal("hello", (string?)association["name"]);
        Assert.Equal("1", (string?)association["qualifier"]);
        Assert.True((bool)association["includeBody"]!);
        Assert.Empty(unbound["cacheBehaviors"]![0]!["functions"]!.AsObject());
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.PutAsync("v1/distributions/EDIST1/bindings",
            new { pathPattern = "/images/*", @event = "origin-request", name = "hello", qualifier = "1" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound",
            server.A.DeleteAsync("v1/distributions/EDIST1/bindings?pathPattern=*&event=origin-request"));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "LatestNotAllowed", server.A.PutAsync("v1/distributions/EDIST1/bindings",
            new { pathPattern = "*", @event = "origin-request", name = "hello", qualifier = "$LATEST" }));
    }

    [Fact]
    public async Task BoundLatest_ChangedToBreakAViewerLimit_IsRefused()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello");
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDEV", "viewer-request", "hello", "$LATEST", development: true));

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.PatchAsync("v1/functions/hello", new { memorySize = 1024 }));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "HandlerNotFound", server.A.PatchAsync("v1/functions/hello", new { handler = "main.handler" }));
    }
}
