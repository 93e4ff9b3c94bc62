using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Runtime;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TestRegistry = EdgeCompute.EdgeNode.Tests.Regional.TestRegistry;

namespace EdgeCompute.EdgeNode.Tests.Logs;

/// <summary><see cref="LogShipperService"/> against a real loopback double of the regional origin's log endpoint.</summary>
public sealed class LogShipperServiceTests
{
    private const string NodeId = "edge-7";
    private readonly LogCapture _logs = new();

    private sealed class Shipper : IAsyncDisposable
    {
        private readonly RegionalClient _client;
        private readonly FunctionLogLineFormatter _formatter = new(NodeId);

        public Shipper(TestRegistry registry, LogCapture logs, int batchRecords = 500)
        {
            var regional = registry.NodeOptions(NodeId);
            var options = Options.Create(new LogShippingOptions { BatchRecords = batchRecords, ShipInterval = TimeSpan.FromMilliseconds(50) });
            var factory = new LoggerFactory([logs]);
            _client = new RegionalClient(Options.Create(regional), Options.Create(new FunctionRuntimeOptions()));
            Buffer = new LogBuffer(options, NodeId, new Logger<LogBuffer>(factory));
            Service = new LogShipperService(Buffer, new LogBatchSender(_client), options, Options.Create(regional), TimeProvider.System,
                new Logger<LogShipperService>(factory));
        }

        public LogBuffer Buffer { get; }

        public LogShipperService Service { get; }

        public void Add(params string[] messages)
        {
            foreach (var message in messages)
            {
                Buffer.Enqueue(_formatter.Format(
                    new FunctionLogRecord(DateTimeOffset.UtcNow, "hello", "1", "viewer-request", "req-1", "INFO", message, "111111111111")));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
            _client.Dispose();
        }
    }

    private static string[] Messages(TestRegistry registry) =>
        registry.Logs.Records.Select(r => r.GetProperty("message").GetString()!).ToArray();

    [Fact]
    public async Task Ship_QueuedLines_SentInBatchesOfAtMostBatchRecords_WithNodeKeyAndNodeId()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var shipper = new Shipper(registry, _logs, batchRecords: 2);
        shipper.Add("a", "b", "c", "d", "e");

        await shipper.Service.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => registry.Logs.Records.Count == 5, "five lines shipped", _logs);

        Assert.Equal(["a", "b", "c", "d", "e"], Messages(registry));
        Assert.All(registry.Logs.Requests, r => Assert.True(r.Records.Count <= 2));
        Assert.All(registry.Logs.Requests, r => Assert.Equal(NodeId, r.NodeIdHeader));
        Assert.All(registry.Logs.Requests, r => Assert.StartsWith(NodeId + ":", r.BatchId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ship_OriginFailsTwice_SameBatchIdRetriedUntilAcknowledged()
    {
        await using var registry = await TestRegistry.StartAsync();
        registry.Logs.ScriptedStatuses.Enqueue(503);
        registry.Logs.ScriptedStatuses.Enqueue(500);
        await using var shipper = new Shipper(registry, _logs);
        shipper.Add("a", "b");

        await shipper.Service.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => registry.Logs.Records.Count == 2, "lines shipped after the failures", _logs);

        var requests = registry.Logs.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Single(requests.Select(r => r.BatchId).Distinct());
        Assert.Equal([503, 500, 200], requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Ship_OriginRefusesBatch_DroppedAndLogged_LaterLinesStillShipped()
    {
        await using var registry = await TestRegistry.StartAsync();
        registry.Logs.ScriptedStatuses.Enqueue(400);
        await using var shipper = new Shipper(registry, _logs);
        shipper.Add("refused");

        await shipper.Service.StartAsync(CancellationToken.None);
        await _logs.WaitForAsync(e => e.EventId.Id == 65, "the refusal logged");
        shipper.Add("later");
        await Wait.UntilAsync(() => registry.Logs.Records.Count == 1, "the later line shipped", _logs);

        Assert.Equal(["later"], Messages(registry));
    }

    [Fact]
    public async Task Ship_OriginDown_LinesKeptAndShippedWhenItIsBack()
    {
        await using var registry = await TestRegistry.StartAsync();
        await registry.StopAsync();
        await using var shipper = new Shipper(registry, _logs);
        shipper.Add("while down");

        await shipper.Service.StartAsync(CancellationToken.None);
        await _logs.WaitForAsync(e => e.EventId.Id == 64, "a failed attempt");
        shipper.Add("also while down");
        await registry.RestartAsync();
        await Wait.UntilAsync(() => registry.Logs.Records.Count == 2, "both lines shipped", _logs);

        Assert.Equal(["while down", "also while down"], Messages(registry));
    }
}
