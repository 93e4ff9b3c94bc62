using EdgeCompute.EdgeNode.Caching;

namespace EdgeCompute.EdgeNode.Tests.Caching;

public sealed class BodyBufferTests
{
    private static async Task<byte[]> ReadAllAsync(BodyBuffer.Reader reader)
    {
        var all = new List<byte>();
        while (true)
        {
            var chunk = await reader.ReadAsync(long.MaxValue, CancellationToken.None);
            if (chunk.IsEmpty)
            {
                return all.ToArray();
            }
            all.AddRange(chunk.ToArray());
        }
    }

    [Fact]
    public async Task Readers_OpenedAtAnyTime_ReadTheWholeRetainedBody()
    {
        var buffer = new BodyBuffer();
        using var early = buffer.OpenReader();
        var earlyRead = ReadAllAsync(early);

        await buffer.AppendAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        using var late = buffer.OpenReader();
        var lateRead = ReadAllAsync(late);
        await buffer.AppendAsync(new byte[] { 4, 5 }, CancellationToken.None);
        buffer.Complete();

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, await earlyRead);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, await lateRead);
        Assert.True(buffer.IsWhole);
        Assert.Equal(5, buffer.Length);
    }

    [Fact]
    public async Task Reader_FromPositionToEnd_ReadsThatSliceAcrossSegments()
    {
        var buffer = BodyBuffer.FromBytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        using var reader = buffer.OpenReader(3);

        var first = await reader.ReadAsync(6, CancellationToken.None);
        var rest = await reader.ReadAsync(6, CancellationToken.None);

        Assert.Equal(new byte[] { 3, 4, 5 }, first.ToArray());
        Assert.True(rest.IsEmpty);
    }

    [Fact]
    public async Task AppendAsync_NotRetained_WaitsForTheSlowestReader()
    {
        var buffer = new BodyBuffer();
        using var reader = buffer.OpenReader();
        buffer.StopRetaining(aheadLimit: 10);

        await buffer.AppendAsync(new byte[10], CancellationToken.None);
        var blocked = buffer.AppendAsync(new byte[10], CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(blocked.IsCompleted);

        await reader.ReadAsync(long.MaxValue, CancellationToken.None);
        await blocked.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AppendAsync_NotRetainedAndEveryReaderGone_Cancels()
    {
        var buffer = new BodyBuffer();
        var reader = buffer.OpenReader();
        buffer.StopRetaining(aheadLimit: 10);
        await buffer.AppendAsync(new byte[5], CancellationToken.None);

        reader.Dispose();

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await buffer.AppendAsync(new byte[5], CancellationToken.None));
    }

    [Fact]
    public async Task OpenReader_AfterReadBytesWereReleased_FailsInsteadOfReadingAHole()
    {
        var buffer = new BodyBuffer();
        using var first = buffer.OpenReader();
        buffer.StopRetaining(aheadLimit: 100);
        await buffer.AppendAsync(new byte[10], CancellationToken.None);
        await first.ReadAsync(long.MaxValue, CancellationToken.None);
        await buffer.AppendAsync(new byte[10], CancellationToken.None);

        using var late = buffer.OpenReader();

        await Assert.ThrowsAsync<IOException>(async () => await late.ReadAsync(long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Fail_ReadersGetAnErrorAfterWhatArrived()
    {
        var buffer = new BodyBuffer();
        using var reader = buffer.OpenReader();
        await buffer.AppendAsync(new byte[] { 7 }, CancellationToken.None);

        buffer.Fail(new InvalidOperationException("origin reset"));

        Assert.Equal(new byte[] { 7 }, (await reader.ReadAsync(long.MaxValue, CancellationToken.None)).ToArray());
        await Assert.ThrowsAsync<IOException>(async () => await reader.ReadAsync(long.MaxValue, CancellationToken.None));
        Assert.False(buffer.IsWhole);
    }
}
