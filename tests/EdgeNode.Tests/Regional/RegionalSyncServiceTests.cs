using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Regional;

/// <summary>
/// A node in regional mode against a test double of the registry's node endpoints (real HTTP on
/// loopback): it serves what the registry publishes, follows new revisions by long-poll, refuses bad
/// bundles and invalid snapshots, keeps serving while the registry is down, and restarts from disk.
/// </summary>
public sealed class RegionalSyncServiceTests : IDisposable
{
    private const string Hello1 = "111111111111.hello.1";
    private const string Hello2 = "111111111111.hello.2";

    private readonly string _data = Directory.CreateTempSubdirectory("edge-regional-").FullName;

    private static string Answer(string body) => $"exports.handler = async () => ({{ status: '200', body: '{body}' }});";

    private static byte[] Code(string indexJs, params (string Name, string Content)[] more) => TestZip.Create([("index.js", indexJs), .. more]);

    private async Task<EdgeTestEnvironment> StartNodeAsync(TestRegistry registry) =>
        await new EdgeTestEnvironment().WithRegional(registry.Url, _data, TestRegistry.NodeKey).StartAsync();

    /// <summary>A node that serves revision 1: <see cref="Hello1"/> answering <c>v1</c> on every path.</summary>
    private async Task<EdgeTestEnvironment> StartServingV1Async(TestRegistry registry)
    {
        var env = await StartNodeAsync(registry);
        try
        {
            PublishAnswer(registry, env, Hello1, "v1");
            await env.GetUntilAsync("/", (_, body) => body == "v1");
            return env;
        }
        catch
        {
            await env.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes one function version bound to every path, answering <paramref name="body"/>.</summary>
    private static long PublishAnswer(TestRegistry registry, EdgeTestEnvironment env, string folder, string body) =>
        registry.Publish(new TestSnapshot(env.Origin.Port)
            .Function(folder, registry.AddBundle(Code(Answer(body))))
            .Bind("*", folder)
            .ToJson());

    private static async Task WaitUntilAsync(Func<bool> condition, string description, EdgeTestEnvironment env)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Never true: {description}\nLogs:\n{env.Logs.Dump()}");
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Sync_FirstSnapshot_ServedAndRecordedOnDisk()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartNodeAsync(registry);

        var before = await env.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Contains("No distribution on this node serves this host name", await before.Content.ReadAsStringAsync());

        PublishAnswer(registry, env, Hello1, "v1");

        await env.GetUntilAsync("/", (_, body) => body == "v1");
        await WaitUntilAsync(() => File.Exists(Path.Combine(_data, "current")) && File.ReadAllText(Path.Combine(_data, "current")).Trim() == "1",
            "current names revision 1", env);
        Assert.True(File.Exists(Path.Combine(_data, "snapshots", "1", "edge.json")));
        Assert.True(File.Exists(Path.Combine(_data, "snapshots", "1", "functions", Hello1, "index.js")));
        Assert.Contains(registry.Polls, p => p.NodeId == TestDistribution.NodeId && p.ServedRevision == "0");
        await WaitUntilAsync(() => registry.Polls.Any(p => p.ServedRevision == "1"), "a poll reports revision 1 as served", env);
    }

    [Fact]
    public async Task Sync_NewRevision_PickedUpByLongPollAndOldFilesRemoved()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartServingV1Async(registry);
        var oldBundle = Directory.GetFiles(Path.Combine(_data, "bundles")).Single();

        PublishAnswer(registry, env, Hello2, "v2");

        await env.GetUntilAsync("/", (_, body) => body == "v2");
        await env.Logs.WaitForAsync("Snapshot revision 2 from the registry is served");
        Assert.False(Directory.Exists(Path.Combine(_data, "snapshots", "1")));
        Assert.True(Directory.Exists(Path.Combine(_data, "snapshots", "2")));
        Assert.False(File.Exists(oldBundle));
        Assert.Single(Directory.GetFiles(Path.Combine(_data, "bundles")));
    }

    [Fact]
    public async Task Sync_BundleWithWrongHash_RefusedAndLastGoodStays()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartServingV1Async(registry);
        var v2 = registry.AddBundle(Code(Answer("v2")));
        registry.ServeWrongBytes(v2);

        registry.Publish(new TestSnapshot(env.Origin.Port).Function(Hello2, v2).Bind("*", Hello2).ToJson());

        var refused = await env.Logs.WaitForAsync($"bundle {v2} refused: the registry sent bytes whose SHA-256 is");
        Assert.Contains("Revision 1 stays served", refused.Message);
        Assert.Equal("v1", await env.Client.GetStringAsync("/"));
        Assert.False(File.Exists(Path.Combine(_data, "bundles", v2 + ".zip")));

        // The next try, once the registry sends the right bytes, succeeds.
        registry.ServeRightBytes(v2);
        await env.GetUntilAsync("/", (_, body) => body == "v2");
    }

    [Fact]
    public async Task Sync_InvalidSnapshot_RefusedWithItsErrorsAndLastGoodStays()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartServingV1Async(registry);
        var broken = registry.AddBundle(Code("exports.handler = async () => ({ status: '200' );"));

        registry.Publish(new TestSnapshot(env.Origin.Port).Function(Hello2, broken).Bind("*", Hello2).ToJson());

        var refused = await env.Logs.WaitForAsync("Snapshot revision 2 from the registry refused; revision 1 stays");
        Assert.Contains("SyntaxError", refused.Message);
        Assert.Equal("v1", await env.Client.GetStringAsync("/"));

        PublishAnswer(registry, env, Hello2, "fixed");
        await env.GetUntilAsync("/", (_, body) => body == "fixed");
    }

    [Fact]
    public async Task Sync_ZipEntryOutsideTheFolder_Refused()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartNodeAsync(registry);
        var escaping = registry.AddBundle(Code(Answer("x"), ("../../../escaped.js", "boom")));

        registry.Publish(new TestSnapshot(env.Origin.Port).Function(Hello1, escaping).Bind("*", Hello1).ToJson());

        await env.Logs.WaitForAsync("entry '../../../escaped.js' points outside the function's folder");
        Assert.Empty(Directory.GetFiles(_data, "escaped.js", SearchOption.AllDirectories));
        Assert.Equal(HttpStatusCode.Forbidden, (await env.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sync_WrongNodeKey_RegistrysRefusalLogged()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await new EdgeTestEnvironment().WithRegional(registry.Url, _data, "not-the-key").StartAsync();

        await env.Logs.WaitForAsync("the registry answered 401 Unauthorized for the snapshot: Unauthorized unknown node key");
    }

    [Fact]
    public async Task Sync_RegistryDown_NodeKeepsServingThenCatchesUp()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartServingV1Async(registry);

        await registry.StopAsync();

        await env.Logs.WaitForAsync("Regional sync failed");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("v1", await env.Client.GetStringAsync("/"));
        }
        await registry.RestartAsync();
        PublishAnswer(registry, env, Hello2, "v2");
        await env.GetUntilAsync("/", (_, body) => body == "v2");
    }

    [Fact]
    public async Task Start_RegistryDownWithSnapshotOnDisk_ServesIt()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using (var first = await StartNodeAsync(registry))
        {
            PublishAnswer(registry, first, Hello1, "v1");
            await first.GetUntilAsync("/", (_, body) => body == "v1");
            await WaitUntilAsync(() => File.Exists(Path.Combine(_data, "current")), "current written", first);
        }
        await registry.StopAsync();

        await using var restarted = await StartNodeAsync(registry);

        Assert.Equal("v1", await restarted.Client.GetStringAsync("/"));
        await restarted.Logs.WaitForAsync("serving revision 1");
    }

    [Fact]
    public async Task Sync_Layers_ModulesRequireableOwnFilesWinLaterLayersWin()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartNodeAsync(registry);
        var layer1 = registry.AddBundle(TestZip.Create(
            ("nodejs/node_modules/greet/index.js", "exports.v = 'layer1';"),
            ("nodejs/node_modules/shared/index.js", "exports.v = 'layer1';"),
            ("nodejs/node_modules/only1/package.json", """{ "main": "lib/main.js" }"""),
            ("nodejs/node_modules/only1/lib/main.js", "exports.v = 'layer1';"),
            ("nodejs/package.json", "{}")));
        var layer2 = registry.AddBundle(TestZip.Create(("nodejs/node_modules/shared/index.js", "exports.v = 'layer2';")));
        var code = registry.AddBundle(Code(
            "exports.handler = async () => ({ status: '200', body: [require('greet').v, require('shared').v, require('only1').v].join(' ') });",
            ("node_modules/greet/index.js", "exports.v = 'own';")));

        registry.Publish(new TestSnapshot(env.Origin.Port).Function(Hello1, code, [layer1, layer2]).Bind("*", Hello1).ToJson());

        await env.GetUntilAsync("/", (_, body) => body == "own layer2 layer1");
    }

    [Fact]
    public async Task Sync_EnvironmentAndKeyValueStore_ReachTheFunctions()
    {
        const string StoreId = "9f6b1c2e-1111-4a5b-8c9d-0123456789ab";
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartNodeAsync(registry);
        var lambda = registry.AddBundle(Code(
            "exports.handler = async () => ({ status: '200', body: process.env.STAGE + ' ' + process.env.AWS_LAMBDA_FUNCTION_NAME });"));
        var cff = registry.AddBundle(Code("""
            import cf from 'cloudfront';
            async function handler(event) {
              return { statusCode: 200, statusDescription: 'OK', body: await cf.kvs().get('greeting') };
            }
            """));

        registry.Publish(new TestSnapshot(env.Origin.Port)
            .Function(Hello1, lambda, settings: """{ "runtime": "nodejs20.x", "environment": { "STAGE": "prod" } }""")
            .Function("111111111111.kvs.1", cff, settings: $$"""{ "runtime": "cloudfront-js-2.0", "keyValueStores": ["{{StoreId}}"] }""")
            .KeyValueStore(StoreId, 7, new Dictionary<string, string> { ["greeting"] = "hello from the store" })
            .Bind("/kvs", "111111111111.kvs.1")
            .Bind("*", Hello1)
            .ToJson());

        await env.GetUntilAsync("/", (_, body) => body == "prod " + Hello1);
        Assert.Equal("hello from the store", await env.Client.GetStringAsync("/kvs"));
    }

    [Fact]
    public async Task Sync_WeightedAlias_BothVersionsServe()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await StartNodeAsync(registry);

        registry.Publish(new TestSnapshot(env.Origin.Port)
            .Function(Hello1, registry.AddBundle(Code(Answer("v1"))))
            .Function(Hello2, registry.AddBundle(Code(Answer("v2"))))
            .Bind("*", Hello1, routingName: Hello2, routingWeight: 0.5)
            .ToJson());

        await env.GetUntilAsync("/", (_, body) => body is "v1" or "v2");
        var seen = new HashSet<string>();
        for (var i = 0; i < 200 && seen.Count < 2; i++)
        {
            seen.Add(await env.Client.GetStringAsync("/"));
        }
        Assert.Equal(["v1", "v2"], seen.Order().ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
