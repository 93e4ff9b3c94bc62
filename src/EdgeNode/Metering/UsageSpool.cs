using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// The write-ahead spool of usage records (docs/usage-contract.md, "Spool"): appends each record to
/// the open segment on the invocation's own thread, under one lock, before the response goes out;
/// seals segments by count and age; bounds its size; and hands sealed segments to the reporter.
/// A singleton per node, one per directory (nothing locks the directory against a second process).
/// </summary>
internal sealed class UsageSpool : IDisposable
{
    private readonly Lock _lock = new();
    private readonly UsageRecordWriter _writer = new();
    private readonly SemaphoreSlim _sealed = new(0);
    private readonly MeteringOptions _options;
    private readonly TimeProvider _time;
    private readonly UsageMetrics _metrics;
    private readonly ILogger _logger;
    private readonly long _segmentTicks;

    // Guarded by _lock.
    private SpoolSegment? _open;
    private long _bytes;
    private long _droppedInEpisode;
    private bool _disposed;
    private long _lastSegmentMs;

    private long _dropped;

    public UsageSpool(string directory, MeteringOptions options, TimeProvider time, UsageMetrics metrics, ILogger<UsageSpool> logger)
    {
        Directory = directory;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _segmentTicks = (long)(options.SegmentSeconds * time.TimestampFrequency);
        var recovered = SpoolRecovery.Recover(directory);
        _bytes = recovered.SpoolBytes;
        _metrics.SpoolBytes.Set(_bytes);
        if (recovered.Sealed > 0)
        {
            MeteringLog.Recovered(logger, directory, recovered.Sealed, recovered.TornBytes, recovered.SpoolBytes);
        }
    }

    public string Directory { get; }

    /// <summary>Bytes in open and sealed segments not yet acknowledged.</summary>
    public long SpoolBytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Records dropped since start (spool full, or the disk refused them).</summary>
    public long DroppedRecords => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Writes one record (one write to the OS, no fsync); false when it was dropped. A segment filled
    /// by this record is sealed on this thread after the lock is released: one invocation in
    /// <see cref="MeteringOptions.SegmentRecords"/> pays the fsync, the others never wait for it.
    /// </summary>
    public bool Append(UsageRecord record)
    {
        SpoolSegment? full = null;
        string? dropReason = null;
        var firstDrop = false;
        long resumedAfter = 0;
        long bytes;
        int length;
        lock (_lock)
        {
            var line = _writer.Write(record);
            length = line.Length;
            if (_disposed)
            {
                dropReason = "the spool is closed (the node is stopping)";
            }
            else if (_bytes + length > _options.MaxSpoolBytes)
            {
                dropReason = "the spool is full";
            }
            else
            {
                var now = _time.GetTimestamp();
                try
                {
                    _open ??= SpoolSegment.Create(Directory, NextSegmentTime(), now);
                    _open.Append(line);
                    _bytes += length;
                    if (_open.Records >= _options.SegmentRecords || now - _open.CreatedTimestamp >= _segmentTicks)
                    {
                        full = _open;
                        _open = null;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The line may be half written: that segment takes no more (start-up or the reporter
                    // drops a torn line), and the next record starts a fresh one.
                    dropReason = "the disk refused the write: " + ex.Message;
                    full = _open;
                    _open = null;
                }
            }
            if (dropReason is not null)
            {
                firstDrop = ++_droppedInEpisode == 1;
            }
            else if (_droppedInEpisode > 0)
            {
                resumedAfter = _droppedInEpisode;
                _droppedInEpisode = 0;
            }
            bytes = _bytes;
        }
        if (full is not null)
        {
            Seal(full);
        }
        if (dropReason is not null)
        {
            Interlocked.Increment(ref _dropped);
            _metrics.RecordsDropped.Inc();
            if (firstDrop)
            {
                // One error per episode of drops, not one per request: the counter has the running total.
                MeteringLog.Dropping(_logger, dropReason, Directory, bytes, _options.MaxSpoolBytes);
            }
            return false;
        }
        _metrics.SpoolBytes.Inc(length);
        if (resumedAfter > 0)
        {
            MeteringLog.Resumed(_logger, resumedAfter);
        }
        return true;
    }

    /// <summary>
    /// The time a new segment's name carries: version-7 GUIDs sort by their millisecond, and only by it,
    /// so two segments started in the same millisecond get consecutive ones to keep their order.
    /// </summary>
    private DateTimeOffset NextSegmentTime()
    {
        _lastSegmentMs = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastSegmentMs + 1);
        return DateTimeOffset.FromUnixTimeMilliseconds(_lastSegmentMs);
    }

    /// <summary>Seals the open segment if it is older than <see cref="MeteringOptions.SegmentSeconds"/>.</summary>
    public void SealIfDue() => SealOpen(onlyIfDue: true);

    /// <summary>Seals the open segment whatever its age (graceful shutdown).</summary>
    public void SealOpen() => SealOpen(onlyIfDue: false);

    private void SealOpen(bool onlyIfDue)
    {
        SpoolSegment? segment;
        lock (_lock)
        {
            segment = _open;
            if (segment is null || (onlyIfDue && _time.GetTimestamp() - segment.CreatedTimestamp < _segmentTicks))
            {
                return;
            }
            _open = null;
        }
        Seal(segment);
    }

    /// <summary>How long until the open segment is due for sealing; a whole segment age when none is open.</summary>
    public TimeSpan NextSealDue()
    {
        lock (_lock)
        {
            if (_open is null)
            {
                return TimeSpan.FromSeconds(_options.SegmentSeconds);
            }
            var left = _open.CreatedTimestamp + _segmentTicks - _time.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / _time.TimestampFrequency);
        }
    }

    private void Seal(SpoolSegment segment)
    {
        try
        {
            if (segment.Seal() is not null)
            {
                _sealed.Release();
            }
        }
        catch (IOException ex)
        {
            // Left as .open: the next start-up seals it.
            MeteringLog.SealFailed(_logger, segment.OpenPath, ex.Message);
        }
    }

    /// <summary>Sealed segments, oldest first (their names are version-7 GUIDs, which sort by creation time).</summary>
    public IReadOnlyList<string> ReadySegments()
    {
        var ready = System.IO.Directory.GetFiles(Directory, "*" + SpoolSegment.ReadyExtension);
        Array.Sort(ready, StringComparer.Ordinal);
        return ready;
    }

    /// <summary>Waits until a segment is sealed, <paramref name="timeout"/> passes, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitForSealedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, cancellationToken);
        try
        {
            await _sealed.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The regional origin has the segment: it leaves the disk and the spool's size.</summary>
    public void Acknowledge(string readyPath) => Remove(readyPath, () => File.Delete(readyPath));

    /// <summary>The regional origin refused the segment: kept aside as <c>.rejected</c> for the operator, outside the size bound.</summary>
    public void Reject(string readyPath) =>
        Remove(readyPath, () => File.Move(readyPath, Path.ChangeExtension(readyPath, SpoolSegment.RejectedExtension), overwrite: true));

    private void Remove(string readyPath, Action remove)
    {
        var length = new FileInfo(readyPath).Length;
        remove();
        lock (_lock)
        {
            _bytes -= length;
        }
        _metrics.SpoolBytes.Dec(length);
    }

    /// <summary>Seals what is open: after the host has stopped, nothing appends any more.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }
        SealOpen();
    }
}
