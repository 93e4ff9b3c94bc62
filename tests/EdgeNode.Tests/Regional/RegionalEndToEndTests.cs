using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;
using Xunit.Abstractions;

namespace EdgeCompute.EdgeNode.Tests.Regional;

/// <summary>
/// The regional origin (real registry, real SQLite file), two edge nodes syncing from it and the real
/// <c>edge</c> CLI, all on loopback: what an operator runs, end to end (issue 5).
/// </summary>
public sealed class RegionalEndToEndTests : IDisposable
{
    private const string Distribution = "EE2ETEST";
    private readonly string _root = Directory.CreateTempSubdirectory("edge-regional-e2e-").FullName;
    private readonly ITestOutputHelper _output;

    public RegionalEndToEndTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Data(string name) => Path.Combine(_root, name);

    private Task<EdgeTestEnvironment> StartNodeAsync(TestRegionalOrigin regional, string name) =>
        new EdgeTestEnvironment().WithRegional(regional.Url, Data(name), TestRegionalOrigin.NodeKey, nodeId: name).StartAsync();

    /// <summary>Runs <c>edge</c> logged in to the regional origin through its config file; fails on a non-zero exit.</summary>
    private async Task<string> EdgeAsync(params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["EDGE_CONFIG"] = Path.Combine(_root, "cli.json"),
            ["EDGE_REGISTRY_URL"] = null,
            ["EDGE_API_KEY"] = null,
        };
        var (exit, output, error) = await EdgeCliProcess.RunAsync(_root, environment, args);
        Assert.True(exit == 0, $"edge {string.Join(' ', args)} exited with {exit}: {error}{output}");
        return output;
    }

    private async Task LoginAsync(TestRegionalOrigin regional) =>
        await EdgeAsync("login", "--url", regional.Url, "--key", TestRegionalOrigin.ApiKey);

    /// <summary>A Lambda@Edge viewer-request function answering with <paramref name="body"/>, written as a folder to deploy.</summary>
    private string WriteFunction(string name, string code, string settings = """{ "runtime": "nodejs20.x", "handler": "index.handler" }""")
    {
        var folder = Path.Combine(_root, "src", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.js"), code);
        File.WriteAllText(Path.Combine(folder, "function.json"), settings);
        return folder;
    }

    private static string Answering(string body) => $$"""
        exports.handler = async () => ({ status: '200', headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] }, body: '{{body}}' });
        """;

    private string WriteDistribution(string function, string qualifier)
    {
        var file = Path.Combine(_root, "distribution.json");
        File.WriteAllText(file, $$"""
            {
              "id": "{{Distribution}}",
              "aliases": ["127.0.0.1"],
              "origins": [{ "id": "sample", "domainName": "127.0.0.1", "port": 9, "protocol": "http" }],
              "cacheBehaviors": [
                { "pathPattern": "*", "originId": "sample",
                  "functions": { "viewer-request": { "name": "{{function}}", "qualifier": "{{qualifier}}" } } }
              ]
            }
            """);
        return file;
    }

    private static async Task<string> ServedAsync(EdgeTestEnvironment node, string expected) =>
        await (await node.GetUntilAsync("/hello", (response, body) => response.StatusCode == HttpStatusCode.OK && body == expected))
            .Content.ReadAsStringAsync();

    [Fact]
    public async Task DeployPublishBind_BothNodesServe_NewVersionsFlow_RegionalDown_NodesKeepServingAndRestartFromDisk()
    {
        await using var regional = await TestRegionalOrigin.StartAsync(Data("regional"));
        await using var nodeA = await StartNodeAsync(regional, "node-a");
        await using var nodeB = await StartNodeAsync(regional, "node-b");
        await LoginAsync(regional);

        // Deploy, publish, alias and bind with the CLI: both nodes serve version 1.
        var folder = WriteFunction("hello", Answering("v1"));
        await EdgeAsync("functions", "deploy", folder, "--name", "hello");
        await EdgeAsync("functions", "publish", "hello");
        await EdgeAsync("aliases", "set", "hello", "live", "1");
        await EdgeAsync("distributions", "apply", WriteDistribution("hello", "live"));
        Assert.Equal("v1", await ServedAsync(nodeA, "v1"));
        Assert.Equal("v1", await ServedAsync(nodeB, "v1"));

        // Publish v2 and rebind (the alias moves): both nodes serve it.
        File.WriteAllText(Path.Combine(folder, "index.js"), Answering("v2"));
        await EdgeAsync("functions", "deploy", folder, "--name", "hello");
        var published = JsonElement.Parse(await EdgeAsync("functions", "publish", "hello", "--json"));
        Assert.Equal("2", published.GetProperty("version").GetString());
        await EdgeAsync("aliases", "set", "hello", "live", "2");
        await ServedAsync(nodeA, "v2");
        await ServedAsync(nodeB, "v2");

        var status = JsonElement.Parse(await EdgeAsync("status", "--json"));
        Assert.Equal(2, status.GetProperty("nodes").GetArrayLength());

        // Twenty more rounds, timed from the registry's answer to the alias change until both nodes serve the new version.
        var times = new List<double>();
        for (var round = 3; round < 23; round++)
        {
            await PutCodeAsync(regional, "hello", Answering($"v{round}"));
            var version = await PublishAsync(regional, "hello");
            Assert.Equal(round.ToString(), version);
            var clock = Stopwatch.StartNew();
            (await regional.Api.PutAsJsonAsync("v1/functions/hello/aliases/live", new { functionVersion = version })).EnsureSuccessStatusCode();
            await Task.WhenAll(PollAsync(nodeA, $"v{round}"), PollAsync(nodeB, $"v{round}"));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        _output.WriteLine($"publish-to-serving on both nodes, {times.Count} rounds: p50 {Percentile(times, 0.50):F0} ms, " +
            $"p99 {Percentile(times, 0.99):F0} ms, max {times[^1]:F0} ms");

        // The regional origin stops: both nodes keep serving.
        await regional.StopAsync();
        Assert.Equal("v22", await nodeA.Client.GetStringAsync("/hello"));
        Assert.Equal("v22", await nodeB.Client.GetStringAsync("/hello"));

        // A node restarted while the regional origin is down serves its last snapshot from disk.
        await nodeA.DisposeAsync();
        await using var restarted = await StartNodeAsync(regional, "node-a");
        Assert.Equal("v22", await restarted.Client.GetStringAsync("/hello"));

        // The regional origin comes back: new changes flow again, to the restarted node too.
        await regional.StartAgainAsync();
        await PutCodeAsync(regional, "hello", Answering("back"));
        var back = await PublishAsync(regional, "hello");
        (await regional.Api.PutAsJsonAsync("v1/functions/hello/aliases/live", new { functionVersion = back })).EnsureSuccessStatusCode();
        await ServedAsync(restarted, "back");
        await ServedAsync(nodeB, "back");
    }

    [Fact]
    public async Task Layer_ModuleRequiredByTheFunction_OnTheNode()
    {
        await using var regional = await TestRegionalOrigin.StartAsync(Data("regional"));
        await using var node = await StartNodeAsync(regional, "node");
        await LoginAsync(regional);

        var layer = Path.Combine(_root, "layer", "nodejs", "node_modules", "greeting");
        Directory.CreateDirectory(layer);
        File.WriteAllText(Path.Combine(layer, "index.js"), "exports.greet = (who) => 'hello ' + who + ' from a layer';");
        var published = JsonElement.Parse(await EdgeAsync("layers", "publish", "greeting", Path.Combine(_root, "layer"), "--json"));
        var arn = published.GetProperty("arn").GetString()!;
        var folder = WriteFunction("greeter", """
            const { greet } = require('greeting');
            exports.handler = async () => ({ status: '200', body: greet('edge') });
            """, $$"""{ "runtime": "nodejs20.x", "handler": "index.handler", "layers": ["{{arn}}"] }""");
        await EdgeAsync("functions", "deploy", folder, "--name", "greeter");
        await EdgeAsync("functions", "publish", "greeter");
        await EdgeAsync("distributions", "apply", WriteDistribution("greeter", "1"));

        Assert.Equal("hello edge from a layer", await ServedAsync(node, "hello edge from a layer"));
    }

    [Fact]
    public async Task WeightedAlias_RoutesAboutTheGivenShareToEachVersion()
    {
        await using var regional = await TestRegionalOrigin.StartAsync(Data("regional"));
        await using var node = await StartNodeAsync(regional, "node");
        await LoginAsync(regional);

        var folder = WriteFunction("canary", Answering("blue"));
        await EdgeAsync("functions", "deploy", folder, "--name", "canary");
        await EdgeAsync("functions", "publish", "canary");
        File.WriteAllText(Path.Combine(folder, "index.js"), Answering("green"));
        await EdgeAsync("functions", "deploy", folder, "--name", "canary");
        await EdgeAsync("functions", "publish", "canary");
        await EdgeAsync("aliases", "set", "canary", "live", "1", "--weight", "2=0.25");
        await EdgeAsync("distributions", "apply", WriteDistribution("canary", "live"));
        await node.GetUntilAsync("/hello", (response, _) => response.StatusCode == HttpStatusCode.OK);

        const int requests = 800;
        var green = 0;
        for (var i = 0; i < requests; i++)
        {
            if (await node.Client.GetStringAsync("/hello") == "green")
            {
                green++;
            }
        }
        // 800 draws at p = 0.25: the standard deviation is about 0.015, so ±0.06 is four of them.
        var share = green / (double)requests;
        _output.WriteLine($"share of version 2: {share:F3} (weight 0.25)");
        Assert.InRange(share, 0.19, 0.31);
    }

    [Fact]
    public async Task FunctionLogs_FromTwoNodes_OneQueryAtTheRegionalOrigin_InOrder_WithReportLines()
    {
        await using var regional = await TestRegionalOrigin.StartAsync(Data("regional"));
        await using var nodeA = await StartNodeAsync(regional, "node-a");
        await using var nodeB = await StartNodeAsync(regional, "node-b");
        await LoginAsync(regional);
        var folder = WriteFunction("logger", """
            exports.handler = async (event) => {
              const request = event.Records[0].cf.request;
              console.log('first line for ' + request.uri);
              console.warn('second line for ' + request.uri);
              return { status: '200', body: 'logged' };
            };
            """);
        await EdgeAsync("functions", "deploy", folder, "--name", "logger");
        await EdgeAsync("functions", "publish", "logger");
        await EdgeAsync("distributions", "apply", WriteDistribution("logger", "1"));
        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        await nodeA.GetUntilAsync("/from-a", (response, body) => response.StatusCode == HttpStatusCode.OK && body == "logged");
        await nodeB.GetUntilAsync("/from-b", (response, body) => response.StatusCode == HttpStatusCode.OK && body == "logged");

        // Each node ships within its interval; one query at the regional origin sees both.
        var items = await LogsUntilAsync(regional, $"function=logger&since={Uri.EscapeDataString(since)}",
            all => all.Count(i => i.GetProperty("level").GetString() == "REPORT") >= 2);
        var byNode = items.GroupBy(i => i.GetProperty("nodeId").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["node-a", "node-b"], byNode.Keys.Order());
        foreach (var (node, uri) in new[] { ("node-a", "/from-a"), ("node-b", "/from-b") })
        {
            // The last invocation on each node: its two console lines, then its REPORT line, all with its request id.
            var lines = byNode[node];
            var report = lines.Last(i => i.GetProperty("level").GetString() == "REPORT");
            var requestId = report.GetProperty("requestId").GetString()!;
            var invocation = lines.Where(i => i.GetProperty("requestId").GetString() == requestId).Select(i => i.GetProperty("message").GetString()!).ToList();
            Assert.Equal($"first line for {uri}", invocation[0]);
            Assert.Equal($"second line for {uri}", invocation[1]);
            Assert.StartsWith($"REPORT RequestId: {requestId}", invocation[2], StringComparison.Ordinal);
            Assert.All(lines, i => Assert.Equal("1", i.GetProperty("version").GetString()));
        }
        Assert.All(items, i => Assert.Equal("logger", i.GetProperty("function").GetString()));
        // Shipping is in addition: each node's own log still has its lines.
        Assert.NotEmpty(nodeA.Logs.Containing("first line for /from-a", LogCapture.FunctionLogs));
        Assert.NotEmpty(nodeB.Logs.Containing("first line for /from-b", LogCapture.FunctionLogs));
        var order = items.Select(i => (Time: i.GetProperty("time").GetDateTimeOffset(), Node: i.GetProperty("nodeId").GetString()!)).ToList();
        Assert.Equal(order.OrderBy(o => o.Time).ThenBy(o => o.Node, StringComparer.Ordinal), order);
        Assert.NotEqual(byNode["node-a"][^1].GetProperty("requestId").GetString(), byNode["node-b"][^1].GetProperty("requestId").GetString());
    }

    /// <summary>GET /logs (the account's key) until <paramref name="done"/> holds for the items; at most 30 s.</summary>
    private static async Task<List<JsonElement>> LogsUntilAsync(TestRegionalOrigin regional, string query, Func<List<JsonElement>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var page = JsonElement.Parse(await regional.Api.GetStringAsync("logs?" + query, timeout.Token));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (done(items))
            {
                return items;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Asks every 10 ms, for the timed rounds (the environment's own wait asks every 50 ms).</summary>
    private static async Task PollAsync(EdgeTestEnvironment node, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await node.Client.GetStringAsync("/hello", timeout.Token) != expected)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task PutCodeAsync(TestRegionalOrigin regional, string function, string code)
    {
        var zip = TestZip.Create(("index.js", code));
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new("application/zip");
        (await regional.Api.PutAsync($"v1/functions/{function}/code", content)).EnsureSuccessStatusCode();
    }

    private static async Task<string> PublishAsync(TestRegionalOrigin regional, string function)
    {
        var response = await regional.Api.PostAsJsonAsync($"v1/functions/{function}/versions", new { });
        response.EnsureSuccessStatusCode();
        return JsonElement.Parse(await response.Content.ReadAsStringAsync()).GetProperty("version").GetString()!;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
