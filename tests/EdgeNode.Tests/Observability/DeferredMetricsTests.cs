using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Observability;
using EdgeCompute.EdgeNode.Runtime;
using Prometheus;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary>Function and origin observations wait in the queue until it is applied, then count exactly once.</summary>
public sealed class DeferredMetricsTests
{
    private static readonly FunctionModel Function = new()
    {
        Name = "fn", Files = new Dictionary<string, string>(), HandlerModule = "index.js", HandlerExport = "handler", VersionKey = "fn:1",
    };

    [Fact]
    public void ApplyPending_QueuedInvocations_CountedOnceInOrder()
    {
        var metrics = new EdgeMetrics(MetricsRegistryServiceCollectionExtensions.CreateFactory(Metrics.NewCustomRegistry()), new DeferredMetrics());
        var set = metrics.ForFunction(Function, EdgeEventType.ViewerRequest);
        set.Record(InvocationOutcome.Ok, false, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(30));
        set.Record(InvocationOutcome.ExecutionError, false, TimeSpan.FromMilliseconds(1), TimeSpan.Zero);
        string[] labels = ["fn", "$LATEST", "viewer-request"];

        var before = metrics.Invocations.WithLabels(labels).Value;
        metrics.Deferred.ApplyPending();
        metrics.Deferred.ApplyPending();

        Assert.Equal(0, before);
        Assert.Equal(2, metrics.Invocations.WithLabels(labels).Value);
        Assert.Equal(2, metrics.Duration.WithLabels(labels).Count);
        Assert.Equal(0.003, metrics.Duration.WithLabels(labels).Sum, 6);
        Assert.Equal(1, metrics.InitDuration.WithLabels(labels).Count);
        Assert.Equal(1, metrics.Errors.WithLabels("fn", "$LATEST", "viewer-request", "execution").Value);
    }

    [Fact]
    public void ApplyPending_OriginTime_ObservedInItsDistribution()
    {
        var metrics = new EdgeMetrics(MetricsRegistryServiceCollectionExtensions.CreateFactory(Metrics.NewCustomRegistry()), new DeferredMetrics());
        var distribution = new DistributionModel { Id = "EDIST", DomainName = "d.example", HostNames = [], Behaviors = [] };
        metrics.ForOrigin(distribution).Record(TimeSpan.FromMilliseconds(250));

        metrics.Deferred.ApplyPending();

        Assert.Equal(1, metrics.OriginDuration.WithLabels("EDIST").Count);
        Assert.Equal(0.25, metrics.OriginDuration.WithLabels("EDIST").Sum, 6);
    }
}
