using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Observability;
using EdgeCompute.EdgeNode.Runtime;
using Prometheus;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary>
/// What the request path's recording leaves in the prometheus-net series once <see cref="EdgeMetrics.Collect"/>,
/// run before each export, has handed them the buffered durations.
/// </summary>
public sealed class EdgeMetricsTests
{
    private readonly EdgeMetrics _metrics = new(MetricsRegistryServiceCollectionExtensions.CreateFactory(Metrics.NewCustomRegistry()));

    [Fact]
    public void Collect_RequestsCounted_EachLabelSetAndTheBytes()
    {
        var (distribution, behavior) = Behavior();
        var set = _metrics.ForBehavior(distribution, behavior);
        set.Record(200, CacheResult.Hit, 0, 1000);
        set.Record(204, CacheResult.Hit, 0, 0);
        set.Record(503, CacheResult.Error, 10, 20);
        set.Record(999, CacheResult.Pass, 0, 5);

        _metrics.Collect();

        Assert.Equal(2, Requests("2xx", "hit"));
        Assert.Equal(1, Requests("5xx", "error"));
        Assert.Equal(1, Requests("5xx", "pass"));
        Assert.Equal(10, _metrics.RequestBytes.WithLabels("EDIST", "/api/*").Value);
        Assert.Equal(1025, _metrics.ResponseBytes.WithLabels("EDIST", "/api/*").Value);
        // Series are created for the label sets that occurred, as prometheus-net would on Inc.
        Assert.Equal(3, _metrics.Requests.GetAllLabelValues().Count());
    }

    [Fact]
    public void Collect_RequestsOfABehaviourAReloadReplaced_StillCounted()
    {
        // A reload builds new models with the same ids and patterns; requests still running on the old
        // ones count into the same series as the new ones.
        var (oldDistribution, oldBehavior) = Behavior();
        var (newDistribution, newBehavior) = Behavior();
        _metrics.ForBehavior(oldDistribution, oldBehavior).Record(200, CacheResult.Hit, 0, 1);
        _metrics.ForBehavior(newDistribution, newBehavior).Record(200, CacheResult.Hit, 0, 1);

        _metrics.Collect();

        Assert.Equal(2, Requests("2xx", "hit"));
    }

    [Fact]
    public void Collect_RequestNoDistributionServed_CountedUnderNone()
    {
        _metrics.ForBehavior(null, null).Record(421, CacheResult.Error, 0, 50);

        _metrics.Collect();

        Assert.Equal(1, _metrics.Requests.WithLabels("none", "none", "4xx", "error").Value);
    }

    [Fact]
    public void Collect_Invocations_CountedWithTheirDurationsAndErrors()
    {
        var function = new FunctionModel
        {
            Name = "f", Version = "3", Files = new Dictionary<string, string>(), HandlerModule = "index.js", HandlerExport = "handler", VersionKey = "f:3",
        };
        var set = _metrics.ForFunction(function, EdgeEventType.OriginRequest);
        set.Record(InvocationOutcome.Ok, false, TimeSpan.FromMilliseconds(2), TimeSpan.Zero);
        set.Record(InvocationOutcome.Ok, true, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(40));
        set.Record(InvocationOutcome.Timeout, false, TimeSpan.FromSeconds(5), TimeSpan.Zero);

        _metrics.Collect();

        Assert.Equal(3, _metrics.Invocations.WithLabels("f", "3", "origin-request").Value);
        Assert.Equal(3, _metrics.Duration.WithLabels("f", "3", "origin-request").Count);
        Assert.Equal(1, _metrics.InitDuration.WithLabels("f", "3", "origin-request").Count);
        Assert.Equal(1, _metrics.Errors.WithLabels("f", "3", "origin-request", "validation").Value);
        Assert.Equal(1, _metrics.Errors.WithLabels("f", "3", "origin-request", "limit").Value);
    }

    private double Requests(string status, string cache) => _metrics.Requests.WithLabels("EDIST", "/api/*", status, cache).Value;

    private static (DistributionModel, CacheBehaviorModel) Behavior()
    {
        var origin = new OriginModel { Id = "o", DomainName = "127.0.0.1", Port = 8081, Protocol = "http" };
        var behavior = new CacheBehaviorModel(new PathPattern("/api/*"), origin, null, false, []);
        return (new DistributionModel { Id = "EDIST", DomainName = "d.example", HostNames = [], Behaviors = [behavior] }, behavior);
    }
}
