using System.Globalization;
using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using static EdgeCompute.Origin.Sample.Tests.Billing.Common.UsageBatches;

namespace EdgeCompute.Origin.Sample.Tests.Observability;

/// <summary>The regional origin's <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>, against the real server and SQLite file.</summary>
public sealed class OriginMetricsTests
{
    private static async Task<Dictionary<string, double>> ScrapeAsync(RegistryServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var text = await http.GetStringAsync("/metrics");
        return text.Split('\n').Where(l => l.Length > 0 && l[0] != '#')
            .ToDictionary(l => l[..l.LastIndexOf(' ')], l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Metrics_AfterKnownTraffic_ExactCounts()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.Node.ReportOkAsync("edge-1:a", [Record(), Record()]);
        await server.Node.ReportOkAsync("edge-1:b", [Record()]);
        await server.Node.ReportOkAsync("edge-1:a", [Record(), Record()]);
        var headers = new Dictionary<string, string> { ["X-Edge-Node-Id"] = "edge-1", ["X-Edge-Snapshot-Revision"] = "0" };
        await server.Node.GetAsync("v1/edge/snapshot?after=0&wait=0", headers);
        await server.Client(null).GetAsync("v1/functions");

        var metrics = await ScrapeAsync(server);

        Assert.Equal(2, metrics["""origin_usage_batches_total{result="ingested"}"""]);
        Assert.Equal(1, metrics["""origin_usage_batches_total{result="duplicate"}"""]);
        Assert.Equal(3, metrics["origin_usage_records_ingested_total"]);
        Assert.Equal(3, metrics["""origin_http_requests_total{route="usage",status="2xx"}"""]);
        Assert.Equal(1, metrics["""origin_http_requests_total{route="sync",status="2xx"}"""]);
        Assert.Equal(1, metrics["""origin_http_requests_total{route="registry",status="4xx"}"""]);
        Assert.Equal(1, metrics["origin_edge_nodes_connected"]);
        Assert.True(metrics.ContainsKey("origin_registry_revision"));
    }

    [Fact]
    public async Task Health_DatabaseOpens_AliveAndReady()
    {
        await using var server = await RegistryServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
