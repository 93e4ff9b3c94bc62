using System.Buffers;
using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Logs;

namespace EdgeCompute.EdgeNode.Tests.Logs;

public sealed class LogBatchTests
{
    private static readonly JsonEncodedText Node = JsonEncodedText.Encode("edge-1");

    private static byte[] Line(string message) =>
        Encoding.UTF8.GetBytes($$"""{"timestamp":"2026-11-28T12:00:00.123Z","level":"INFO","message":"{{message}}"}""");

    [Fact]
    public void Seal_Lines_BodyWithNodeIdBatchIdAndEachLineWithItsSequenceFirst()
    {
        var batch = LogBatch.Open("edge-1", Node, new ArrayBufferWriter<byte>());
        batch.Append(7, Line("careful"));
        batch.Append(8, Line("REPORT RequestId: req-1"));

        batch.Seal();

        Assert.StartsWith("edge-1:", batch.BatchId, StringComparison.Ordinal);
        Assert.Equal(2, batch.Records);
        Assert.True(batch.IsSealed);
        using var body = JsonDocument.Parse(batch.Body);
        var root = body.RootElement;
        Assert.Equal(batch.BatchId, root.GetProperty("batchId").GetString());
        Assert.Equal("edge-1", root.GetProperty("nodeId").GetString());
        var first = root.GetProperty("records")[0];
        Assert.Equal(["sequence", "timestamp", "level", "message"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, first.GetProperty("sequence").GetInt64());
        Assert.Equal("2026-11-28T12:00:00.123Z", first.GetProperty("timestamp").GetString());
        Assert.Equal("careful", first.GetProperty("message").GetString());
        Assert.Equal(8, root.GetProperty("records")[1].GetProperty("sequence").GetInt64());
        Assert.Equal("REPORT RequestId: req-1", root.GetProperty("records")[1].GetProperty("message").GetString());
    }

    [Fact]
    public void Seal_NoLines_AnEmptyRecordsArray()
    {
        var batch = LogBatch.Open("edge-1", Node, new ArrayBufferWriter<byte>());

        batch.Seal();

        using var body = JsonDocument.Parse(batch.Body);
        Assert.Equal(0, body.RootElement.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public void Open_TwoBatches_DifferentIds()
    {
        Assert.NotEqual(LogBatch.Open("edge-1", Node, new ArrayBufferWriter<byte>()).BatchId,
            LogBatch.Open("edge-1", Node, new ArrayBufferWriter<byte>()).BatchId);
    }

    [Fact]
    public void Open_InABufferUsedBefore_BodyIsTheNewBatchOnly()
    {
        var body = new ArrayBufferWriter<byte>();
        var first = LogBatch.Open("edge-1", Node, body);
        for (var i = 1; i <= 50; i++)
        {
            first.Append(i, Line("line " + i));
        }
        first.Seal();

        var second = LogBatch.Open("edge-1", Node, body);
        second.Append(51, Line("again"));
        second.Seal();

        using var json = JsonDocument.Parse(second.Body);
        Assert.Equal(second.BatchId, json.RootElement.GetProperty("batchId").GetString());
        Assert.Equal(["again"], json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("message").GetString()));
    }

    [Fact]
    public void Open_NodeIdThatNeedsEscaping_BodyStillValidJson()
    {
        var batch = LogBatch.Open("edge \"1\"", JsonEncodedText.Encode("edge \"1\""), new ArrayBufferWriter<byte>());
        batch.Append(1, Line("x"));
        batch.Seal();

        using var json = JsonDocument.Parse(batch.Body);
        Assert.Equal("edge \"1\"", json.RootElement.GetProperty("nodeId").GetString());
    }
}
