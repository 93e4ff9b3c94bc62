using System.Buffers;
using System.Text.Json;
using EdgeCompute.EdgeNode.Metering;

namespace EdgeCompute.EdgeNode.Tests.Metering;

public sealed class UsageBatchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usage-batch-").FullName;

    private string Segment(string name, string content)
    {
        var path = Path.Combine(_directory, name + ".ready");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task ReadAsync_SegmentWithATornLine_RecordsAsTheyAreAndTheTornOneSkipped()
    {
        var path = Segment("0001", "{\"function\":\"a\",\"durationMs\":1.5}\n{\"function\":\"b\",\"dur\n{\"function\":\"c\"}\n");

        var batch = await UsageBatch.ReadAsync("edge-1", path, new ArrayBufferWriter<byte>(), new ArrayBufferWriter<byte>(), CancellationToken.None);

        Assert.Equal("edge-1:0001", batch.BatchId);
        Assert.Equal((2, 1), (batch.Records, batch.Skipped));
        using var body = JsonDocument.Parse(batch.Body);
        Assert.Equal("edge-1:0001", body.RootElement.GetProperty("batchId").GetString());
        Assert.Equal("edge-1", body.RootElement.GetProperty("nodeId").GetString());
        Assert.Equal(["a", "c"], body.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("function").GetString()));
        Assert.Equal(1.5, body.RootElement.GetProperty("records")[0].GetProperty("durationMs").GetDouble());
    }

    [Fact]
    public async Task ReadAsync_BuffersUsedBefore_BatchIsTheNewSegmentOnly()
    {
        var content = new ArrayBufferWriter<byte>();
        var body = new ArrayBufferWriter<byte>();
        var large = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"function\":\"f{i}\"}}\n"));
        await UsageBatch.ReadAsync("edge-1", Segment("0001", large), content, body, CancellationToken.None);

        var batch = await UsageBatch.ReadAsync("edge-1", Segment("0002", "{\"function\":\"last\"}"), content, body, CancellationToken.None);

        Assert.Equal((1, 0), (batch.Records, batch.Skipped));
        using var json = JsonDocument.Parse(batch.Body);
        Assert.Equal("last", json.RootElement.GetProperty("records")[0].GetProperty("function").GetString());
    }

    [Fact]
    public async Task ReadAsync_SegmentGone_FileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => UsageBatch.ReadAsync(
            "edge-1", Path.Combine(_directory, "gone.ready"), new ArrayBufferWriter<byte>(), new ArrayBufferWriter<byte>(), CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
