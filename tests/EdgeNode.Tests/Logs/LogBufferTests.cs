using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Logs;

public sealed class LogBufferTests
{
    private readonly LogCapture _logs = new();

    private LogBuffer Buffer(int capacity, int batch = 500) =>
        new(Options.Create(new LogShippingOptions { BufferRecords = capacity, BatchRecords = batch }), "edge-1",
            new Logger<LogBuffer>(new LoggerFactory([_logs])));

    private static void Enqueue(LogBuffer buffer, params string[] messages)
    {
        foreach (var message in messages)
        {
            buffer.Enqueue(Encoding.UTF8.GetBytes($$"""{"level":"INFO","message":"{{message}}"}"""));
        }
    }

    private static List<(long Sequence, string Message)> Records(LogBatch batch)
    {
        using var body = JsonDocument.Parse(batch.Body);
        return body.RootElement.GetProperty("records").EnumerateArray()
            .Select(r => (r.GetProperty("sequence").GetInt64(), r.GetProperty("message").GetString()!)).ToList();
    }

    /// <summary>Every batch waiting, each given back as the shipper would once acknowledged.</summary>
    private static List<string> Drain(LogBuffer buffer)
    {
        var messages = new List<string>();
        while (buffer.Take() is { } batch)
        {
            messages.AddRange(Records(batch).Select(r => r.Message));
            buffer.Release(batch);
        }
        return messages;
    }

    [Fact]
    public void Enqueue_UnderCapacity_KeepsAllInOrderWithGrowingSequence()
    {
        var buffer = Buffer(10);
        Enqueue(buffer, "a", "b");

        var batch = buffer.Take()!;

        var records = Records(batch);
        Assert.Equal(["a", "b"], records.Select(r => r.Message));
        Assert.True(records[1].Sequence > records[0].Sequence);
        Assert.Equal(2, batch.Records);
        Assert.Equal(0, buffer.Dropped);
        Assert.Null(buffer.Take());
    }

    [Fact]
    public void Enqueue_FullBatch_SealedAndBatchReady_ResetWhenTakenAndNoneWaits()
    {
        var buffer = Buffer(10, batch: 2);
        Enqueue(buffer, "a");
        Assert.False(buffer.BatchReady.IsCompleted);

        Enqueue(buffer, "b", "c");
        Assert.True(buffer.BatchReady.IsCompleted);

        var full = buffer.Take()!;
        Assert.Equal(["a", "b"], Records(full).Select(r => r.Message));
        Assert.False(buffer.BatchReady.IsCompleted);
        // The open batch goes when asked for, sealed, though not full.
        Assert.Equal(["c"], Records(buffer.Take()!).Select(r => r.Message));
    }

    [Fact]
    public void Enqueue_OverCapacity_DropsTheOldestWaitingBatch_CountsItsLines_LogsTheEpisodeOnce()
    {
        var buffer = Buffer(4, batch: 2);
        Enqueue(buffer, "a", "b", "c", "d", "e");

        Assert.Equal(["c", "d", "e"], Drain(buffer));
        Assert.Equal(2, buffer.Dropped);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 61);

        buffer.EndDropEpisode();
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 62 && e.Message.Contains("after 2 record(s) dropped", StringComparison.Ordinal));

        // A second episode is logged again, counting only its own drops.
        Enqueue(buffer, "f", "g", "h", "i", "j");
        buffer.EndDropEpisode();
        Assert.Equal(2, _logs.Entries.Count(e => e.EventId.Id == 61));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 62 && e.Message.Contains("after 2 record(s) dropped", StringComparison.Ordinal));
        Assert.Equal(4, buffer.Dropped);
        Assert.Equal(["h", "i", "j"], Drain(buffer));
    }

    [Fact]
    public void Take_BatchInFlight_NotDroppedWhileTheBufferFillsBehindIt()
    {
        var buffer = Buffer(2, batch: 2);
        Enqueue(buffer, "a", "b");
        var inFlight = buffer.Take()!;

        Enqueue(buffer, "c", "d", "e", "f", "g");

        Assert.Equal(["a", "b"], Records(inFlight).Select(r => r.Message));
        Assert.Equal(["g"], Drain(buffer));
        Assert.Equal(4, buffer.Dropped);
    }

    [Fact]
    public void Release_BufferReused_NextBatchHoldsOnlyItsOwnLines()
    {
        var buffer = Buffer(10, batch: 3);
        Enqueue(buffer, "a", "b", "c");
        var first = buffer.Take()!;
        var firstId = first.BatchId;
        buffer.Release(first);

        Enqueue(buffer, "d");
        var second = buffer.Take()!;

        Assert.NotEqual(firstId, second.BatchId);
        Assert.Equal(["d"], Records(second).Select(r => r.Message));
    }
}
