using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Api;

public sealed class EdgeEndpointsTests
{
    /// <summary>As the node's config reader reads: case-insensitive, unknown members refused by the records themselves.</summary>
    private static readonly JsonSerializerOptions NodeReader = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public async Task Snapshot_WithoutANodeKey_IsUnauthorized()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Client(null).GetAsync("v1/edge/snapshot"));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.A.GetAsync("v1/edge/snapshot"));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.A.GetAsync("v1/edge/bundles/00"));
    }

    [Fact]
    public async Task Snapshot_ResolvesBindingsIntoPerAccountFolders()
    {
        await using var server = await RegistryServer.StartAsync();
        var a = server.A;
        var kvs = await a.CreatedAsync(a.PostAsync("v1/kvs", new { name = "prefs" }));
        await a.OkAsync(a.PutAsync("v1/kvs/prefs/keys/theme", new { value = "dark" }));
        var layer = await a.CreatedAsync(a.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer()));
        await a.CreateFunctionAsync("cff", new JsonObject { ["runtime"] = "cloudfront-js-2.0", ["keyValueStores"] = new JsonArray("prefs") });
        var cffCode = await a.UploadAsync("cff", TestZips.Create(("index.js", "import cf from 'cloudfront';\nasync function handler(event) { return event.request; }\n")));
        await a.PublishAsync("cff");
        await a.CreateWithCodeAsync("hello", "1", new JsonObject
        {
            ["layers"] = new JsonArray((string)layer["arn"]!), ["environment"] = new JsonObject { ["STAGE"] = "prod" }, ["timeout"] = 20,
        });
        await a.PublishAsync("hello");
        await a.UploadAsync("hello", TestZips.Function("2"));
        await a.PublishAsync("hello");
        await a.OkAsync(a.PutAsync("v1/functions/hello/aliases/live",
            new { functionVersion = "1", routingConfig = new { additionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.25 } } }));
        var functions = RegistryScenarios.Bind("viewer-request", "cff", "1");
        functions["origin-request"] = RegistryScenarios.Bind("origin-request", "hello", "live")["origin-request"]!.DeepClone();
        await a.CreatedAsync(a.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution(functions, aliases: "www.a.test")));
        await server.B.CreatePublishedAsync("hello", "b");
        await server.B.CreatedAsync(server.B.PutBoundDistributionAsync("EDISTB", "origin-request", "hello", "1"));

        var snapshot = await server.Node.SnapshotAsync();

        var distributions = snapshot["distributions"]!.AsArray();
        Assert.Equal(["EDIST1", "EDISTB"], distributions.Select(d => (string?)d!["id"]).ToList());
        var distribution = distributions[0]!;
        Assert.Null(distribution["development"]);
        var associations = distribution["cacheBehaviors"]![0]!["functions"]!;
        Assert.Equal($"{RegistryServer.AccountA}.cff.1", (string?)associations["viewer-request"]!["name"]);
        Assert.Null(associations["viewer-request"]!["routing"]);
        Assert.Equal($"{RegistryServer.AccountA}.hello.1", (string?)associations["origin-request"]!["name"]);
        Assert.Equal($"{RegistryServer.AccountA}.hello.2", (string?)associations["origin-request"]!["routing"]!["name"]);
        Assert.Equal(0.25, (double)associations["origin-request"]!["routing"]!["weight"]!);
        Assert.Equal($"{RegistryServer.AccountB}.hello.1", (string?)distributions[1]!["cacheBehaviors"]![0]!["functions"]!["origin-request"]!["name"]);

        var cff = snapshot["functions"]![$"{RegistryServer.AccountA}.cff.1"]!;
        Assert.Equal((string?)cffCode["codeSha256"], (string?)cff["code"]);
        Assert.Equal((string?)kvs["id"], (string?)cff["settings"]!["keyValueStores"]![0]);
        var hello = snapshot["functions"]![$"{RegistryServer.AccountA}.hello.1"]!;
        Assert.Equal((string?)layer["codeSha256"], (string?)hello["layers"]![0]);
        Assert.Equal("prod", (string?)hello["settings"]!["environment"]!["STAGE"]);
        Assert.Equal(20, (double)hello["settings"]!["timeout"]!);
        Assert.NotNull(snapshot["functions"]![$"{RegistryServer.AccountA}.hello.2"]);
        Assert.NotNull(snapshot["functions"]![$"{RegistryServer.AccountB}.hello.1"]);
        var store = Assert.Single(snapshot["keyValueStores"]!.AsArray())!;
        Assert.Equal((string?)kvs["id"], (string?)store["id"]);
        Assert.Equal(1, (long)store["version"]!);
        Assert.Equal("dark", (string?)store["data"]!["theme"]);
    }

    [Fact]
    public async Task Snapshot_DistributionAndSettings_ReadAsTheNodesConfig()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatePublishedAsync("hello", settings: new JsonObject
        {
            ["allowedHosts"] = new JsonArray("api.example.com"), ["engine"] = "jint", ["environment"] = new JsonObject { ["STAGE"] = "prod" },
        });
        await server.A.UploadAsync("hello", TestZips.Function("2"));
        await server.A.PublishAsync("hello");
        await server.A.OkAsync(server.A.PutAsync("v1/functions/hello/aliases/live",
            new { functionVersion = "1", routingConfig = new { additionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.5 } } }));
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDIST1", "viewer-request", "hello", "live"));

        var snapshot = await server.Node.SnapshotAsync();

        var distribution = snapshot["distributions"]![0]!.Deserialize<DistributionConfig>(NodeReader)!;
        Assert.Equal("EDIST1", distribution.Id);
        var association = distribution.CacheBehaviors[0].Functions["viewer-request"];
        Assert.Equal($"{RegistryServer.AccountA}.hello.1", association.Name);
        Assert.Equal($"{RegistryServer.AccountA}.hello.2", association.Routing?.Name);
        Assert.Equal(0.5, association.Routing?.Weight);
        var settings = snapshot["functions"]![$"{RegistryServer.AccountA}.hello.1"]!["settings"]!.Deserialize<FunctionSettingsConfig>(NodeReader)!;
        Assert.Equal("nodejs20.x", settings.Runtime);
        Assert.Equal("index.handler", settings.Handler);
        Assert.Equal("jint", settings.Engine);
        Assert.Equal(128, settings.MemorySize);
        Assert.Equal(["api.example.com"], settings.AllowedHosts);
        Assert.Equal("prod", settings.Environment?["STAGE"]);
        Assert.Equal(RegistryServer.AccountA, settings.Identity?.Account);
        Assert.Equal("hello", settings.Identity?.Name);
        Assert.Equal("1", settings.Identity?.Version);
    }

    [Fact]
    public async Task Snapshot_LatestOfADevelopmentDistribution_FollowsUploads()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreateWithCodeAsync("hello");
        await server.A.CreatedAsync(server.A.PutBoundDistributionAsync("EDEV", "viewer-request", "hello", "$LATEST", development: true));
        var before = await server.Node.RevisionAsync();

        var uploaded = await server.A.UploadAsync("hello", TestZips.Function("new"));
        var snapshot = await server.Node.SnapshotAsync();

        Assert.True((long)snapshot["revision"]! > before);
        var latest = snapshot["functions"]![$"{RegistryServer.AccountA}.hello.$LATEST"]!;
        Assert.Equal((string?)uploaded["codeSha256"], (string?)latest["code"]);
        Assert.Equal("$LATEST", (string?)latest["settings"]!["identity"]!["version"]);
    }

    [Fact]
    public async Task Snapshot_AfterTheCurrentRevision_AnswersNoContentWhenNothingChanges()
    {
        await using var server = await RegistryServer.StartAsync();
        var revision = await server.Node.RevisionAsync();

        using var response = await server.Node.GetAsync($"v1/edge/snapshot?after={revision}&wait=1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal($"\"{revision}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Snapshot_AfterAnOlderRevision_AnswersAtOnce()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));

        using var response = await server.Node.GetAsync("v1/edge/snapshot?after=0&wait=60");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("after=abc")]
    [InlineData("after=-1")]
    [InlineData("after=0&wait=61")]
    public async Task Snapshot_BadQuery_IsRefused(string query)
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.Node.GetAsync($"v1/edge/snapshot?{query}"));
    }

    [Fact]
    public async Task Snapshot_LongPoll_ReturnsTheNewRevisionWhenAChangeHappens()
    {
        await using var server = await RegistryServer.StartAsync();
        var revision = await server.Node.RevisionAsync();

        var polling = server.Node.GetAsync($"v1/edge/snapshot?after={revision}&wait=60");
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));
        using var response = await polling;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((long)snapshot["revision"]! > revision);
        Assert.Equal("EDIST1", (string?)snapshot["distributions"]![0]!["id"]);
    }

    [Fact]
    public async Task Revision_MovesWithEveryChangeThatCanReachANode()
    {
        await using var server = await RegistryServer.StartAsync();
        var a = server.A;
        var revisions = new List<long> { await server.Node.RevisionAsync() };
        async Task Step(Task change)
        {
            await change;
            revisions.Add(await server.Node.RevisionAsync());
        }

        await a.CreateWithCodeAsync("hello");
        await Step(a.PublishAsync("hello"));
        await Step(a.OkAsync(a.PutAsync("v1/functions/hello/aliases/live", new { functionVersion = "1" })));
        await a.CreatedAsync(a.PostAsync("v1/kvs", new { name = "prefs" }));
        await Step(a.OkAsync(a.PutAsync("v1/kvs/prefs/keys/k", new { value = "v" })));
        await a.CreatedAsync(a.SendZipAsync(HttpMethod.Post, "v1/layers/utils/versions", TestZips.Layer()));
        await Step(a.OkAsync(a.PutAsync("v1/layers/utils/versions/1/permission", new { visibility = "public" })));
        await Step(a.CreatedAsync(a.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution())));
        await Step(a.OkAsync(a.PutAsync("v1/distributions/EDIST1/bindings", new { pathPattern = "*", @event = "viewer-request", name = "hello", qualifier = "live" })));
        await Step(a.OkAsync(a.DeleteAsync("v1/distributions/EDIST1/bindings?pathPattern=*&event=viewer-request")));
        await Step(a.NoContentAsync(a.DeleteAsync("v1/distributions/EDIST1")));

        for (var i = 1; i < revisions.Count; i++)
        {
            Assert.True(revisions[i] > revisions[i - 1], $"step {i} did not move the revision: {string.Join(", ", revisions)}");
        }
    }

    [Fact]
    public async Task Bundles_ServeTheZipByItsHash()
    {
        await using var server = await RegistryServer.StartAsync();
        var zip = TestZips.Function();
        await server.A.CreateFunctionAsync("hello");
        await server.A.UploadAsync("hello", zip);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(zip));

        using var response = await server.Node.GetAsync($"v1/edge/bundles/{sha256}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(zip, await response.Content.ReadAsByteArrayAsync());
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "blobs", sha256[..2], sha256 + ".zip")));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.Node.GetAsync($"v1/edge/bundles/{new string('0', 64)}"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.Node.GetAsync("v1/edge/bundles/..%2Fregistry.db"));
    }

    [Fact]
    public async Task Nodes_ReportWhatEachNodeServes()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));
        var revision = await server.Node.RevisionAsync();

        await server.Node.OkAsync(server.Node.GetAsync("v1/edge/snapshot",
            new Dictionary<string, string> { ["X-Edge-Node-Id"] = "edge-1", ["X-Edge-Snapshot-Revision"] = "0" }));
        await server.Node.ExpectAsync(HttpStatusCode.NoContent, server.Node.GetAsync($"v1/edge/snapshot?after={revision}&wait=0",
            new Dictionary<string, string> { ["X-Edge-Node-Id"] = "edge-2", ["X-Edge-Snapshot-Revision"] = $"{revision}" }));
        var nodes = await server.B.OkAsync(server.B.GetAsync("v1/nodes"));

        Assert.Equal(revision, (long)nodes["revision"]!);
        var list = nodes["nodes"]!.AsArray();
        Assert.Equal(["edge-1", "edge-2"], list.Select(n => (string?)n!["nodeId"]).ToList());
        Assert.False((bool)list[0]!["current"]!);
        Assert.Equal(revision, (long)list[1]!["revision"]!);
        Assert.True((bool)list[1]!["current"]!);
        Assert.NotNull(list[1]!["lastSeen"]);
    }

    [Fact]
    public async Task Nodes_PollsWithTheSameRevision_WriteTheStatusOncePerInterval()
    {
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Registry:NodeStatusWriteInterval"] = "01:00:00",
        });
        await server.A.CreatedAsync(server.A.PutDistributionAsync("EDIST1", RegistryScenarios.Distribution()));
        var revision = await server.Node.RevisionAsync();

        var first = await PollAndListAsync(server, "0");
        await Task.Delay(50);
        var unchanged = await PollAndListAsync(server, "0");
        var moved = await PollAndListAsync(server, $"{revision}");

        Assert.Equal((string?)first["lastSeen"], (string?)unchanged["lastSeen"]);
        Assert.Equal(revision, (long)moved["revision"]!);
        Assert.True((bool)moved["current"]!);
        Assert.NotEqual((string?)first["lastSeen"], (string?)moved["lastSeen"]);
    }

    [Fact]
    public async Task Nodes_PollAfterTheInterval_WritesLastSeenAgain()
    {
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Registry:NodeStatusWriteInterval"] = "00:00:00",
        });

        var first = await PollAndListAsync(server, "0");
        await Task.Delay(50);
        var second = await PollAndListAsync(server, "0");

        Assert.NotEqual((string?)first["lastSeen"], (string?)second["lastSeen"]);
    }

    /// <summary>One poll of node <c>edge-1</c> reporting <paramref name="serving"/>, then its row of <c>GET /v1/nodes</c>.</summary>
    private static async Task<JsonNode> PollAndListAsync(RegistryServer server, string serving)
    {
        await server.Node.OkAsync(server.Node.GetAsync("v1/edge/snapshot",
            new Dictionary<string, string> { ["X-Edge-Node-Id"] = "edge-1", ["X-Edge-Snapshot-Revision"] = serving }));
        var nodes = await server.A.OkAsync(server.A.GetAsync("v1/nodes"));
        return Assert.Single(nodes["nodes"]!.AsArray())!;
    }
}
