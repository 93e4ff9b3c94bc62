namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// The response body stream of an origin fetch: what YARP copies from the origin lands in the
/// fetch's <see cref="BodyBuffer"/>. A body that outgrows the largest storable object stops being
/// retained and is only passed on.
/// </summary>
internal sealed class BodyBufferStream : Stream
{
    private readonly BodyBuffer _buffer;
    private readonly long _maxRetained;
    private readonly int _passAhead;

    public BodyBufferStream(BodyBuffer buffer, long maxRetained, int passAhead)
    {
        _buffer = buffer;
        _maxRetained = maxRetained;
        _passAhead = passAhead;
    }

    private long? _expectedLength;
    private Action? _onLastByte;

    /// <summary>
    /// Runs <paramref name="onLastByte"/> when the body reaches its declared length, before readers
    /// see its last bytes: the response is stored before its first viewer can ask again.
    /// </summary>
    public void OnLastByte(long expectedLength, Action onLastByte)
    {
        _expectedLength = expectedLength;
        _onLastByte = onLastByte;
    }

    /// <summary>Set once the body grew past the largest storable object.</summary>
    public bool Overflowed { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Overflowed && _buffer.Length + buffer.Length > _maxRetained)
        {
            Overflowed = true;
            _buffer.StopRetaining(_passAhead);
        }
        var last = _buffer.Length + buffer.Length == _expectedLength;
        await _buffer.AppendAsync(buffer, cancellationToken, quiet: last && _onLastByte is not null);
        if (last)
        {
            _onLastByte?.Invoke();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
