using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class AccountEndpointsTests
{
    [Fact]
    public async Task Account_OfASeededKey_IsThatAccount()
    {
        await using var server = await RegistryServer.StartAsync();

        var account = await server.A.OkAsync(server.A.GetAsync("v1/account"));

        Assert.Equal(RegistryServer.AccountA, (string?)account["id"]);
        Assert.Equal("alpha", (string?)account["name"]);
    }

    [Fact]
    public async Task Create_WithTheAdminKey_ReturnsAnIdAndAKeyThatWorks()
    {
        await using var server = await RegistryServer.StartAsync();
        var admin = server.Client(RegistryServer.AdminKey);

        var created = await admin.CreatedAsync(admin.PostAsync("v1/accounts", new { name = "acme" }));

        Assert.Matches("^[1-9][0-9]{11}$", (string?)created["id"]);
        var client = server.Client((string)created["apiKey"]!);
        var account = await client.OkAsync(client.GetAsync("v1/account"));
        Assert.Equal((string?)created["id"], (string?)account["id"]);
        Assert.Equal("acme", (string?)account["name"]);
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", admin.PostAsync("v1/accounts", new { name = "" }));
    }

    [Fact]
    public async Task Create_WithoutTheAdminKey_IsUnauthorized()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.A.PostAsync("v1/accounts", new { name = "acme" }));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Node.PostAsync("v1/accounts", new { name = "acme" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData(RegistryServer.AdminKey)]
    [InlineData(RegistryServer.NodeKey)]
    public async Task AccountRoutes_WithoutAnAccountKey_AreUnauthorized(string? key)
    {
        await using var server = await RegistryServer.StartAsync();
        var client = server.Client(key);

        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", client.GetAsync("v1/account"));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", client.GetAsync("v1/functions"));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", client.GetAsync("v1/nodes"));
    }
}
