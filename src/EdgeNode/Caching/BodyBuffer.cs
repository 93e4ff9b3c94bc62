namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// A response body in memory, filled by one origin fetch while any number of viewers read it
/// (Varnish's streaming object). Written once, append only; once complete it never changes, and
/// a stored response keeps it as its body. A fetch that will not be stored stops retaining: then
/// its readers release what they have read and the writer waits when it runs too far ahead.
/// </summary>
internal sealed class BodyBuffer
{
    private readonly object _gate = new();
    private readonly List<byte[]> _segments = [];
    private readonly List<long> _starts = [];
    private readonly List<Reader> _readers = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _length;

    // What readers may read: all of _length, except after a quiet (last) append until Complete.
    private long _visible;
    private bool _completed;
    private Exception? _error;
    private bool _retain = true;
    private int _aheadLimit = int.MaxValue;
    private int _released;
    private bool _abandoned;

    /// <summary>A complete body of these bytes (a generated response, an update from a 304).</summary>
    public static BodyBuffer FromBytes(byte[] bytes)
    {
        var buffer = new BodyBuffer();
        if (bytes.Length > 0)
        {
            buffer._segments.Add(bytes);
            buffer._starts.Add(0);
            buffer._length = bytes.Length;
        }
        buffer._visible = buffer._length;
        buffer._completed = true;
        return buffer;
    }

    /// <summary>Bytes written so far; the whole length once <see cref="IsCompleted"/>.</summary>
    public long Length => Volatile.Read(ref _length);

    public bool IsCompleted => Volatile.Read(ref _completed);

    /// <summary>Complete, whole and kept: <see cref="Segments"/> may be read without a reader.</summary>
    public bool IsWhole => IsCompleted && _retain && !Failed;

    /// <summary>The body, once complete and retained: segments in order, never changed again.</summary>
    public IReadOnlyList<byte[]> Segments => IsCompleted && _retain ? _segments : throw new InvalidOperationException("the body is not complete");

    /// <summary>Appends a copy of <paramref name="data"/>; waits while a non-retained body is far ahead of its readers.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken, bool quiet = false)
    {
        if (data.IsEmpty)
        {
            return;
        }
        var copy = data.ToArray();
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_abandoned)
                {
                    // Nobody will read it and it will not be kept: stop the origin transfer.
                    throw new OperationCanceledException("every viewer of an unstored response went away");
                }
                if (_retain || _length - MinReaderPosition() < _aheadLimit)
                {
                    _segments.Add(copy);
                    _starts.Add(_length);
                    Volatile.Write(ref _length, _length + copy.Length);
                    if (!quiet)
                    {
                        // A quiet append is the last one: readers see it at Complete, after the owner's last step.
                        _visible = _length;
                        Signal();
                    }
                    return;
                }
                wait = _changed.Task;
            }
            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Joins the segments into one array before the body is stored: one copy now instead of one
    /// write per segment on every hit.
    /// </summary>
    public void Coalesce()
    {
        lock (_gate)
        {
            if (!_retain || _segments.Count < 2)
            {
                return;
            }
            var whole = new byte[_length];
            for (var i = 0; i < _segments.Count; i++)
            {
                _segments[i].CopyTo(whole, _starts[i]);
            }
            _segments.Clear();
            _starts.Clear();
            _segments.Add(whole);
            _starts.Add(0);
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _visible = _length;
            Volatile.Write(ref _completed, true);
            Signal();
        }
    }

    /// <summary>The fetch broke off: readers get <paramref name="error"/> once they reach the end of what arrived.</summary>
    public void Fail(Exception error)
    {
        lock (_gate)
        {
            _error = error;
            _visible = _length;
            Volatile.Write(ref _completed, true);
            Signal();
        }
    }

    public bool Failed
    {
        get
        {
            lock (_gate)
            {
                return _error is not null;
            }
        }
    }

    /// <summary>
    /// This body will not be kept: from now on read bytes are released and the writer stays at most
    /// <paramref name="aheadLimit"/> bytes ahead of the slowest reader.
    /// </summary>
    public void StopRetaining(int aheadLimit)
    {
        lock (_gate)
        {
            _retain = false;
            _aheadLimit = aheadLimit;
            ReleaseRead();
            Signal();
        }
    }

    /// <summary>A reader from <paramref name="position"/>; dispose it when done so the writer stops waiting for it.</summary>
    public Reader OpenReader(long position = 0)
    {
        var reader = new Reader(this, position);
        lock (_gate)
        {
            // Bytes already released are gone: such a reader fails instead of reading a hole.
            var kept = _released < _segments.Count ? _starts[_released] : _length;
            reader.Lost = _released > 0 && position < kept;
            _readers.Add(reader);
        }
        return reader;
    }

    private long MinReaderPosition()
    {
        var min = _length;
        foreach (var reader in _readers)
        {
            min = Math.Min(min, reader.Position);
        }
        return min;
    }

    private void ReleaseRead()
    {
        if (_retain)
        {
            return;
        }
        var min = MinReaderPosition();
        while (_released < _segments.Count && _starts[_released] + _segments[_released].Length <= min)
        {
            _segments[_released] = [];
            _released++;
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One viewer's position in the body.</summary>
    internal sealed class Reader : IDisposable
    {
        private readonly BodyBuffer _buffer;

        public Reader(BodyBuffer buffer, long position)
        {
            _buffer = buffer;
            Position = position;
        }

        public long Position { get; private set; }

        /// <summary>Opened after the bytes it needs were released (a body that stopped being retained).</summary>
        public bool Lost { get; set; }

        /// <summary>The next bytes from the reader's position (at most up to <paramref name="end"/>), or empty at the end.</summary>
        public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long end, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task wait;
                lock (_buffer._gate)
                {
                    if (Lost)
                    {
                        throw new IOException("the body was not retained and its start is gone");
                    }
                    if (Position >= end)
                    {
                        return ReadOnlyMemory<byte>.Empty;
                    }
                    if (Position < _buffer._visible)
                    {
                        var index = _buffer._starts.BinarySearch(Position);
                        if (index < 0)
                        {
                            index = ~index - 1;
                        }
                        var segment = _buffer._segments[index];
                        var offset = (int)(Position - _buffer._starts[index]);
                        var count = (int)Math.Min(Math.Min(segment.Length - offset, end - Position), _buffer._visible - Position);
                        Position += count;
                        if (!_buffer._retain)
                        {
                            _buffer.ReleaseRead();
                            _buffer.Signal();
                        }
                        return segment.AsMemory(offset, count);
                    }
                    if (_buffer._completed)
                    {
                        if (_buffer._error is { } error)
                        {
                            throw new IOException("the origin's response broke off", error);
                        }
                        return ReadOnlyMemory<byte>.Empty;
                    }
                    wait = _buffer._changed.Task;
                }
                await wait.WaitAsync(cancellationToken);
            }
        }

        public void Dispose()
        {
            lock (_buffer._gate)
            {
                _buffer._readers.Remove(this);
                _buffer._abandoned |= !_buffer._retain && _buffer._readers.Count == 0 && !_buffer._completed;
                _buffer.ReleaseRead();
                _buffer.Signal();
            }
        }
    }
}
