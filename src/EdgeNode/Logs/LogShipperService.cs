using EdgeCompute.EdgeNode.Regional;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// Drains the <see cref="LogBuffer"/> to the regional origin: at once when a full batch
/// (<see cref="LogShippingOptions.BatchRecords"/>) waits, else every <see cref="LogShippingOptions.ShipInterval"/>.
/// A failed batch is sent again with the same id after the regional sync's backoff until acknowledged
/// (at-least-once; the origin drops duplicates by id).
/// On shutdown what is left gets one short try. Runs only with <c>Regional:Url</c> set.
/// </summary>
internal sealed class LogShipperService : BackgroundService
{
    private static readonly TimeSpan FinalFlushDeadline = TimeSpan.FromSeconds(3);

    private readonly LogBuffer _buffer;
    private readonly LogBatchSender _sender;
    private readonly LogShippingOptions _options;
    private readonly RegionalOptions _regional;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private LogBatch? _pending;
    private int _flushed;

    public LogShipperService(LogBuffer buffer, LogBatchSender sender, IOptions<LogShippingOptions> options, IOptions<RegionalOptions> regional,
        TimeProvider time, ILogger<LogShipperService> logger)
    {
        _buffer = buffer;
        _sender = sender;
        _options = options.Value;
        _regional = regional.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogShippingLog.ShipperStarted(_logger, _regional.Url!, _sender.NodeId, _buffer.Capacity);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Lines of the next moment travel together: fewer, fuller batches.
                    await _buffer.BatchReady.WaitAsync(_options.ShipInterval, _time, stoppingToken);
                }
                catch (TimeoutException)
                {
                }
                try
                {
                    await ShipQueuedAsync(retry: true, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A bug, never a reason to stop the node: logged, and the pending batch is tried again later.
                    LogShippingLog.PassFailed(_logger, ex, (long)_regional.MaxRetryDelay.TotalMilliseconds);
                    await Task.Delay(_regional.MaxRetryDelay, _time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync gives what is left one try.
        }
    }

    /// <summary>Ships every queued record, batch by batch; false when <paramref name="retry"/> is off and a batch failed.</summary>
    private async Task<bool> ShipQueuedAsync(bool retry, CancellationToken cancellationToken)
    {
        while ((_pending ??= _buffer.Take()) is { } batch)
        {
            _buffer.EndDropEpisode();
            if (!await ShipAsync(batch, retry, cancellationToken))
            {
                return false;
            }
            _pending = null;
            _buffer.Release(batch);
        }
        return true;
    }

    /// <summary>Sends one batch, again and again with the same id while it fails and <paramref name="retry"/> is on.</summary>
    private async Task<bool> ShipAsync(LogBatch batch, bool retry, CancellationToken cancellationToken)
    {
        var delay = _regional.MinRetryDelay;
        while (true)
        {
            var (status, detail) = await _sender.SendAsync(batch, cancellationToken);
            switch (status)
            {
                case LogShipStatus.Acknowledged:
                    LogShippingLog.Acknowledged(_logger, batch.BatchId, batch.Records);
                    return true;
                case LogShipStatus.Rejected:
                    LogShippingLog.Rejected(_logger, batch.BatchId, detail, batch.Records);
                    return true;
            }
            LogShippingLog.ShipFailed(_logger, batch.BatchId, detail, retry ? (long)delay.TotalMilliseconds : -1);
            if (!retry)
            {
                return false;
            }
            await Task.Delay(delay, _time, cancellationToken);
            delay = _regional.NextRetryDelay(delay);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Once: a host may be stopped again after its services (the regional client among them) are disposed.
        if (Interlocked.Exchange(ref _flushed, 1) == 1)
        {
            return;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(FinalFlushDeadline);
        try
        {
            await ShipQueuedAsync(retry: false, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // The regional origin is slow or gone: the buffer is memory only, and the node's own log has every line.
        }
    }
}
