using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// The bounded queue between invocations and the shipper. Writing never blocks and does no I/O: when
/// the buffer is full the oldest record is dropped, counted, and the episode logged once (again when
/// shipping catches up). One per node, for its lifetime.
/// </summary>
internal sealed class LogBuffer
{
    private readonly Channel<ShippedLogRecord> _channel;
    private readonly ILogger _logger;
    private readonly int _batchRecords;
    private volatile TaskCompletionSource _batchReady = NewSignal();
    private long _queued;
    private long _sequence;
    private long _dropped;
    private long _droppedAtEpisodeStart;
    private int _dropping;

    public LogBuffer(IOptions<LogShippingOptions> options, ILogger<LogBuffer> logger)
    {
        _logger = logger;
        Capacity = options.Value.BufferRecords;
        _batchRecords = Math.Min(options.Value.BatchRecords, Capacity);
        _channel = Channel.CreateBounded<ShippedLogRecord>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
    }

    public int Capacity { get; }

    /// <summary>Records dropped since start because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Completes when at least one record is queued.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Completes once a full batch (<see cref="LogShippingOptions.BatchRecords"/>) is queued, so it need not wait for the interval.</summary>
    public Task BatchReady => _batchReady.Task;

    /// <summary>Queues a line with the next sequence number; the oldest queued line goes if there is no room.</summary>
    public void Add(in Runtime.FunctionLogRecord record)
    {
        _channel.Writer.TryWrite(new ShippedLogRecord(Interlocked.Increment(ref _sequence), record));
        if (Interlocked.Increment(ref _queued) >= _batchRecords)
        {
            _batchReady.TrySetResult();
        }
    }

    /// <summary>Moves up to <paramref name="max"/> queued records into <paramref name="into"/>; how many it moved.</summary>
    public int Take(List<ShippedLogRecord> into, int max)
    {
        var taken = 0;
        while (taken < max && _channel.Reader.TryRead(out var record))
        {
            into.Add(record);
            taken++;
        }
        // A signal raised between the read and the reset is lost; the ship interval still comes round.
        if (Interlocked.Add(ref _queued, -taken) < _batchRecords && _batchReady.Task.IsCompleted)
        {
            _batchReady = NewSignal();
        }
        return taken;
    }

    /// <summary>Called by the shipper once it has room again: ends a dropping episode, logging how many went.</summary>
    public void EndDropEpisode()
    {
        if (Interlocked.Exchange(ref _dropping, 0) == 1)
        {
            LogShippingLog.DroppingEnded(_logger, Dropped - Interlocked.Read(ref _droppedAtEpisodeStart));
        }
    }

    private void OnDropped(ShippedLogRecord record)
    {
        Interlocked.Decrement(ref _queued);
        var total = Interlocked.Increment(ref _dropped);
        // Once per episode: a log line per dropped record would make an overload worse.
        if (Interlocked.CompareExchange(ref _dropping, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _droppedAtEpisodeStart, total - 1);
            LogShippingLog.DroppingStarted(_logger, Capacity);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
