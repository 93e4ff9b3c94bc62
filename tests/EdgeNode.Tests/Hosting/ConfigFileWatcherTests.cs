using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Hosting;

/// <summary>Config and function files change while the node runs: a valid change applies, a broken one leaves the last good config serving.</summary>
public sealed class ConfigFileWatcherTests
{
    private const string IndexJs = "functions/version/index.js";

    private static string Answer(string body) => $"exports.handler = async () => ({{ status: '200', body: '{body}' }});";

    private static async Task<EdgeTestEnvironment> StartWithVersionOneAsync() =>
        await new EdgeTestEnvironment()
            .Function("version", Answer("v1"))
            .Bind("*", viewerRequest: "version")
            .StartAsync();

    [Fact]
    public async Task Reload_FunctionRewritten_NewCodeServes()
    {
        await using var env = await StartWithVersionOneAsync();
        Assert.Equal("v1", await env.Client.GetStringAsync("/"));

        env.Rewrite(IndexJs, Answer("v2"));

        await env.GetUntilAsync("/", (_, body) => body == "v2");
        await env.Logs.WaitForAsync("Configuration 2 loaded");
    }

    [Fact]
    public async Task Reload_FunctionRewrittenWithSyntaxError_KeepsLastGoodConfigThenAcceptsAFix()
    {
        await using var env = await StartWithVersionOneAsync();

        env.Rewrite(IndexJs, "exports.handler = async () => ({ status: '200', body: 'v2' );");

        var refused = await env.Logs.WaitForAsync("refused; the last good configuration stays");
        Assert.Contains("SyntaxError", refused.Message);
        Assert.Contains("index.js", refused.Message);
        Assert.Equal("v1", await env.Client.GetStringAsync("/"));

        env.Rewrite(IndexJs, Answer("v3"));
        await env.GetUntilAsync("/", (_, body) => body == "v3");
    }

    [Fact]
    public async Task Reload_InvalidEdgeJson_KeepsLastGoodConfig()
    {
        await using var env = await StartWithVersionOneAsync();

        env.Rewrite("edge.json", "{ \"distributions\": [ { \"id\": ");

        await env.Logs.WaitForAsync("refused; the last good configuration stays");
        Assert.Equal("v1", await env.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Reload_EdgeJsonGainsABehavior_NewBindingApplies()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("version", Answer("v1"))
            .Bind("*")
            .StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);

        env.RewriteConfig(d => d.Behaviors.Insert(0, new TestBehavior("/fn/*", TestDistribution.DefaultOriginId, "version", null, null, null, false)));

        await env.GetUntilAsync("/fn/x", (_, body) => body == "v1");
        Assert.Equal("200 OK\n", await env.Client.GetStringAsync("/status/200"));
    }

    [Fact]
    public async Task Reload_UsageSpoolWrittenBesideTheConfig_NoReload()
    {
        // Metering standalone spools to data/usage beside edge.json: one write per function run.
        await using var env = await new EdgeTestEnvironment()
            .Function("version", Answer("v1"))
            .Bind("*", viewerRequest: "version")
            .WithMetering("""{ "Enabled": true }""")
            .StartAsync();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("v1", await env.Client.GetStringAsync("/"));
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(env.Root, "data", "usage")));
        // Long enough, after the watcher's quiet period, for a reload the writes caused to have happened.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Empty(env.Logs.Containing("Configuration 2 loaded"));
        env.Rewrite(IndexJs, Answer("v2"));
        await env.GetUntilAsync("/", (_, body) => body == "v2");
        await env.Logs.WaitForAsync("Configuration 2 loaded");
    }
}
