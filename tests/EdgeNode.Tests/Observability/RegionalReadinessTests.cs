using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;
using TestRegistry = EdgeCompute.EdgeNode.Tests.Regional.TestRegistry;
using TestSnapshot = EdgeCompute.EdgeNode.Tests.Regional.TestSnapshot;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary><c>/readyz</c> of a regional node against the test registry double.</summary>
public sealed class RegionalReadinessTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("edge-ready-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Readyz_RegionalNodeRegistryDown_NotReadyUntilFirstSync()
    {
        await using var registry = await TestRegistry.StartAsync();
        await registry.StopAsync();
        await using var env = await new EdgeTestEnvironment().WithAdmin("t").WithRegional(registry.Url, _data, TestRegistry.NodeKey).StartAsync();
        using var admin = NodeMetricsTests.AdminClient(env);

        var before = await admin.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("never synced", await before.Content.ReadAsStringAsync());
        Assert.Equal("ok", await admin.GetStringAsync("/healthz"));

        registry.Publish(new TestSnapshot(env.Origin.Port).Bind("*").ToJson());
        await registry.RestartAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode status;
        while ((status = (await admin.GetAsync("/readyz")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(status == HttpStatusCode.OK, "never ready after the registry came back\n" + env.Logs.Dump());
        var scrape = await MetricsScrape.GetAsync(admin);
        Assert.Equal(1, scrape["edge_snapshot_version"]);
        Assert.True(scrape["edge_regional_last_sync_timestamp_seconds"] > 0);
    }
}
