using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Observability;
using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Tests.Metering;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Observability;

public sealed class ReadinessTests
{
    private static Readiness Create(ManualClock clock, RegionalSyncStatus sync, string? url = "http://127.0.0.1:1") =>
        new(new EdgeSnapshotProvider(new EdgeSnapshot([], null, new Dictionary<string, FunctionModel>(), version: 3)), sync,
            Options.Create(new RegionalOptions { Url = url, ReadyStaleAfter = TimeSpan.FromMinutes(2) }), clock);

    [Fact]
    public void NotReadyReason_ConfigFileNode_Ready()
    {
        var clock = new ManualClock();

        Assert.Null(Create(clock, new RegionalSyncStatus(clock), url: null).NotReadyReason());
    }

    [Fact]
    public void NotReadyReason_RegionalNeverSynced_NotReady()
    {
        var clock = new ManualClock();

        Assert.Contains("never synced", Create(clock, new RegionalSyncStatus(clock)).NotReadyReason());
    }

    [Fact]
    public void NotReadyReason_RegionalSyncedThenStale_FlipsAtReadyStaleAfter()
    {
        var clock = new ManualClock();
        var sync = new RegionalSyncStatus(clock);
        var readiness = Create(clock, sync);
        sync.Synced();

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(readiness.NotReadyReason());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("last sync with the registry 121 s ago", readiness.NotReadyReason());

        sync.Synced();
        Assert.Null(readiness.NotReadyReason());
    }
}
