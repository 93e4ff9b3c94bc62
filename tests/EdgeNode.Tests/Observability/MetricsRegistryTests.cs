using System.Diagnostics;
using System.Text;
using EdgeCompute.EdgeNode.Observability;
using Prometheus;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary>The node's metric factory: counts only, no exemplar taken from the request's Activity.</summary>
public sealed class MetricsRegistryTests
{
    [Fact]
    public async Task CreateFactory_IncrementInsideAnActivity_ExportsNoExemplar()
    {
        var registry = Metrics.NewCustomRegistry();
        var counter = MetricsRegistryServiceCollectionExtensions.CreateFactory(registry).CreateCounter("test_total", "A test counter.");
        var defaults = Metrics.WithCustomRegistry(registry).CreateCounter("default_total", "prometheus-net's default, for contrast.");

        using (new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            counter.Inc();
            defaults.Inc();
        }

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, ExpositionFormat.OpenMetricsText);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal("test_total 1.0", Assert.Single(lines, l => l.StartsWith("test_total", StringComparison.Ordinal)));
        Assert.Contains("trace_id", Assert.Single(lines, l => l.StartsWith("default_total", StringComparison.Ordinal)));
    }
}
