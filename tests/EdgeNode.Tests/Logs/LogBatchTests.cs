using System.Buffers;
using System.Text.Json;
using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Tests.Logs;

public sealed class LogBatchTests
{
    [Fact]
    public void Create_Records_BodyWithNodeIdBatchIdAndEveryField()
    {
        var at = new DateTimeOffset(2026, 11, 28, 13, 0, 0, 123, TimeSpan.FromHours(1));
        var records = new List<ShippedLogRecord>
        {
            new(7, new FunctionLogRecord(at, "hello", "3", "viewer-request", "req-1", "WARN", "careful", "111111111111")),
            new(8, new FunctionLogRecord(at, "hello", "3", "viewer-request", "req-1", "REPORT", "REPORT RequestId: req-1", "111111111111")),
        };

        var batch = LogBatch.Create("edge-1", records, new ArrayBufferWriter<byte>());

        Assert.StartsWith("edge-1:", batch.BatchId, StringComparison.Ordinal);
        Assert.Equal(2, batch.Records);
        using var body = JsonDocument.Parse(batch.Body);
        var root = body.RootElement;
        Assert.Equal(batch.BatchId, root.GetProperty("batchId").GetString());
        Assert.Equal("edge-1", root.GetProperty("nodeId").GetString());
        var first = root.GetProperty("records")[0];
        Assert.Equal("2026-11-28T12:00:00.123Z", first.GetProperty("time").GetString());
        Assert.Equal(7, first.GetProperty("sequence").GetInt64());
        Assert.Equal("req-1", first.GetProperty("requestId").GetString());
        Assert.Equal("111111111111", first.GetProperty("account").GetString());
        Assert.Equal("hello", first.GetProperty("function").GetString());
        Assert.Equal("3", first.GetProperty("version").GetString());
        Assert.Equal("viewer-request", first.GetProperty("event").GetString());
        Assert.Equal("WARN", first.GetProperty("level").GetString());
        Assert.Equal("careful", first.GetProperty("message").GetString());
        Assert.Equal("REPORT RequestId: req-1", root.GetProperty("records")[1].GetProperty("message").GetString());
    }

    [Fact]
    public void Create_TwoBatches_DifferentIds()
    {
        var body = new ArrayBufferWriter<byte>();
        Assert.NotEqual(LogBatch.Create("edge-1", [], body).BatchId, LogBatch.Create("edge-1", [], body).BatchId);
    }

    [Fact]
    public void Create_LongMessage_CutToTheLimit()
    {
        var record = new FunctionLogRecord(DateTimeOffset.UnixEpoch, "hello", "1", "viewer-request", "r", "INFO", new string('x', LogBatch.MaxMessageChars + 10));

        using var body = JsonDocument.Parse(LogBatch.Create("edge-1", [new ShippedLogRecord(1, record)], new ArrayBufferWriter<byte>()).Body);

        Assert.Equal(LogBatch.MaxMessageChars, body.RootElement.GetProperty("records")[0].GetProperty("message").GetString()!.Length);
    }

    [Fact]
    public void Create_IntoABufferUsedBefore_BodyIsTheNewBatchOnly()
    {
        var body = new ArrayBufferWriter<byte>();
        var many = Enumerable.Range(1, 50)
            .Select(i => new ShippedLogRecord(i, new FunctionLogRecord(DateTimeOffset.UnixEpoch, "hello", "1", "viewer-request", "r", "INFO", "line " + i)))
            .ToList();
        LogBatch.Create("edge-1", many, body);

        var second = LogBatch.Create("edge-1", [many[0]], body);

        using var json = JsonDocument.Parse(second.Body);
        Assert.Equal(second.BatchId, json.RootElement.GetProperty("batchId").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("records").GetArrayLength());
    }
}
