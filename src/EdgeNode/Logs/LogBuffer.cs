using System.Buffers;
using System.Text.Json;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// The bounded buffer between the node log's drain and the shipper. Lines arrive already formatted
/// (<see cref="IFunctionLogLineQueue"/>) and are copied straight into the open <see cref="LogBatch"/>,
/// which is sealed once it holds <see cref="LogShippingOptions.BatchRecords"/> lines (or when the shipper
/// takes it at its interval). When more than <see cref="Capacity"/> lines wait, the oldest waiting batch is
/// dropped, counted, and the episode logged once (again when shipping catches up). Writing never blocks
/// and does no I/O. One per node, for its lifetime.
/// </summary>
internal sealed class LogBuffer : IFunctionLogLineQueue
{
    // Buffers of acknowledged batches, kept for the next ones: a batch is some 150 KB, and a new array
    // for each would go to the large object heap several times a second, each filling it closer to a full
    // collection. A few cover the batch in flight, the one filling and some waiting.
    private const int SpareBuffers = 4;

    private readonly Lock _sync = new();
    private readonly Queue<LogBatch> _sealed = new();
    private readonly Stack<ArrayBufferWriter<byte>> _spare = new();
    private readonly ILogger _logger;
    private readonly string _nodeId;
    private readonly JsonEncodedText _nodeIdJson;
    private readonly int _batchRecords;
    private TaskCompletionSource _batchReady = NewSignal();
    private LogBatch? _open;
    private int _queued;
    private long _sequence;
    private long _dropped;
    private long _droppedAtEpisodeStart;
    private bool _dropping;

    /// <param name="nodeId">This node's name to the regional origin: the batches' <c>nodeId</c> and the first half of their ids.</param>
    public LogBuffer(IOptions<LogShippingOptions> options, string nodeId, ILogger<LogBuffer> logger)
    {
        _logger = logger;
        _nodeId = nodeId;
        _nodeIdJson = JsonEncodedText.Encode(nodeId);
        Capacity = options.Value.BufferRecords;
        _batchRecords = Math.Min(options.Value.BatchRecords, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Lines dropped since start because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Completes once a full batch is waiting, so that the shipper need not wait for its interval.</summary>
    public Task BatchReady
    {
        get
        {
            lock (_sync)
            {
                return _batchReady.Task;
            }
        }
    }

    /// <summary>Copies <paramref name="line"/> into the open batch with the next sequence number.</summary>
    public void Enqueue(ReadOnlySpan<byte> line)
    {
        lock (_sync)
        {
            _open ??= LogBatch.Open(_nodeId, _nodeIdJson, _spare.TryPop(out var spare) ? spare : new ArrayBufferWriter<byte>());
            _open.Append(++_sequence, line);
            _queued++;
            if (_open.Records >= _batchRecords)
            {
                SealOpen();
            }
            while (_queued > Capacity && _sealed.TryDequeue(out var oldest))
            {
                Drop(oldest);
            }
        }
    }

    /// <summary>
    /// The oldest waiting batch, sealing the open one if none is full yet; null when no line waits. The batch
    /// is the caller's until it gives it back with <see cref="Release"/>.
    /// </summary>
    public LogBatch? Take()
    {
        lock (_sync)
        {
            if (_sealed.Count == 0 && _open is not null)
            {
                SealOpen();
            }
            if (!_sealed.TryDequeue(out var batch))
            {
                return null;
            }
            _queued -= batch.Records;
            if (_sealed.Count == 0 && _batchReady.Task.IsCompleted)
            {
                _batchReady = NewSignal();
            }
            return batch;
        }
    }

    /// <summary>Gives back a batch from <see cref="Take"/> once it is acknowledged or refused: its buffer serves a later one.</summary>
    public void Release(LogBatch batch)
    {
        lock (_sync)
        {
            Recycle(batch);
        }
    }

    /// <summary>Called by the shipper once it has room again: ends a dropping episode, logging how many went.</summary>
    public void EndDropEpisode()
    {
        long dropped;
        lock (_sync)
        {
            if (!_dropping)
            {
                return;
            }
            _dropping = false;
            dropped = Dropped - _droppedAtEpisodeStart;
        }
        LogShippingLog.DroppingEnded(_logger, dropped);
    }

    private void SealOpen()
    {
        _open!.Seal();
        _sealed.Enqueue(_open);
        _open = null;
        _batchReady.TrySetResult();
    }

    private void Drop(LogBatch batch)
    {
        _queued -= batch.Records;
        var before = Interlocked.Add(ref _dropped, batch.Records) - batch.Records;
        Recycle(batch);
        // Once per episode: a log line per dropped batch would make an overload worse.
        if (!_dropping)
        {
            _dropping = true;
            _droppedAtEpisodeStart = before;
            LogShippingLog.DroppingStarted(_logger, Capacity);
        }
    }

    /// <summary>Keeps a done-with batch's buffer for a later batch, up to <see cref="SpareBuffers"/>; under the lock.</summary>
    private void Recycle(LogBatch batch)
    {
        if (_spare.Count < SpareBuffers)
        {
            _spare.Push(batch.Buffer);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
