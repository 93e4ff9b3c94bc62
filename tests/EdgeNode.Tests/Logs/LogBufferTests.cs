using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Runtime;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Logs;

public sealed class LogBufferTests
{
    private readonly LogCapture _logs = new();

    private LogBuffer Buffer(int capacity, int batch = 500) =>
        new(Options.Create(new LogShippingOptions { BufferRecords = capacity, BatchRecords = batch }),
            new Logger<LogBuffer>(new LoggerFactory([_logs])));

    private static FunctionLogRecord Line(string message) =>
        new(DateTimeOffset.UnixEpoch, "hello", "1", "viewer-request", "req-1", "INFO", message, "111111111111");

    private static List<string> Drain(LogBuffer buffer, int max = int.MaxValue)
    {
        var taken = new List<ShippedLogRecord>();
        buffer.Take(taken, max);
        return taken.Select(r => r.Record.Message).ToList();
    }

    [Fact]
    public void Add_UnderCapacity_KeepsAllInOrderWithGrowingSequence()
    {
        var buffer = Buffer(10);
        buffer.Add(Line("a"));
        buffer.Add(Line("b"));

        var taken = new List<ShippedLogRecord>();
        buffer.Take(taken, 10);

        Assert.Equal(["a", "b"], taken.Select(r => r.Record.Message));
        Assert.True(taken[1].Sequence > taken[0].Sequence);
        Assert.Equal(0, buffer.Dropped);
    }

    [Fact]
    public void Add_OverCapacity_DropsTheOldest_CountsThem_LogsTheEpisodeOnce()
    {
        var buffer = Buffer(3);
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            buffer.Add(Line(name));
        }

        Assert.Equal(["c", "d", "e"], Drain(buffer));
        Assert.Equal(2, buffer.Dropped);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 61);

        buffer.EndDropEpisode();
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 62 && e.Message.Contains("after 2 record(s) dropped", StringComparison.Ordinal));

        // A second episode is logged again, counting only its own drops.
        foreach (var name in new[] { "f", "g", "h", "i" })
        {
            buffer.Add(Line(name));
        }
        buffer.EndDropEpisode();
        Assert.Equal(2, _logs.Entries.Count(e => e.EventId.Id == 61));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 62 && e.Message.Contains("after 1 record(s) dropped", StringComparison.Ordinal));
        Assert.Equal(3, buffer.Dropped);
    }

    [Fact]
    public void Take_AtMostMax_RestStaysQueued()
    {
        var buffer = Buffer(10);
        foreach (var name in new[] { "a", "b", "c" })
        {
            buffer.Add(Line(name));
        }

        Assert.Equal(["a", "b"], Drain(buffer, 2));
        Assert.Equal(["c"], Drain(buffer));
    }

    [Fact]
    public void BatchReady_CompletesOnceAFullBatchIsQueued_ResetsWhenTaken()
    {
        var buffer = Buffer(10, batch: 2);
        buffer.Add(Line("a"));
        Assert.False(buffer.BatchReady.IsCompleted);

        buffer.Add(Line("b"));
        Assert.True(buffer.BatchReady.IsCompleted);

        Drain(buffer);
        Assert.False(buffer.BatchReady.IsCompleted);
    }
}
