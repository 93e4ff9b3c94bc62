using System.Buffers;
using EdgeCompute.EdgeNode.Regional;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Reports the spool to the regional origin: sealed segments oldest first, one batch each, deleted
/// only once acknowledged; a refused batch is set aside, a failed one sent again (same batch id) after
/// the regional sync's backoff. Also seals the open segment when it is due, and on graceful shutdown.
/// Runs only with <c>Regional:Url</c> set.
/// </summary>
internal sealed class UsageReporterService : BackgroundService
{
    private readonly UsageSpool _spool;
    private readonly UsageBatchSender _sender;
    private readonly RegionalOptions _regional;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // The segment being reported and its batch body, reused for the next segment (see UsageBatch.ReadAsync).
    private readonly ArrayBufferWriter<byte> _segment = new(), _body = new();

    public UsageReporterService(UsageSpool spool, UsageBatchSender sender, IOptions<RegionalOptions> regional, TimeProvider time,
        ILogger<UsageReporterService> logger)
    {
        _spool = spool;
        _sender = sender;
        _regional = regional.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        MeteringLog.ReporterStarted(_logger, _regional.Url!, _sender.NodeId, _spool.Directory);
        var delay = _regional.MinRetryDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await ReportReadyAsync(delay, stoppingToken))
                {
                    delay = _regional.MinRetryDelay;
                    await _spool.WaitForSealedAsync(_spool.NextSealDue(), stoppingToken);
                    continue;
                }
                // The oldest segment goes first again after the pause: the same batch, the same id.
                await Task.Delay(delay, _time, stoppingToken);
                delay = _regional.NextRetryDelay(delay);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not acknowledged stays on disk and is reported by the next start.
        }
    }

    /// <summary>Seals the open segment if due and reports every sealed one; false at the first that must be tried again.</summary>
    private async Task<bool> ReportReadyAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            _spool.SealIfDue();
            foreach (var segment in _spool.ReadySegments())
            {
                if (!await ReportAsync(segment, delay, stoppingToken))
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A disk error, or a bug: logged and tried again, never an exception that would stop the node.
            MeteringLog.PassFailed(_logger, ex is IOException or UnauthorizedAccessException ? ex.Message : ex.ToString(), (long)delay.TotalMilliseconds);
            return false;
        }
    }

    /// <summary>Sends one segment; false when it must be tried again (it stays as it is).</summary>
    private async Task<bool> ReportAsync(string segment, TimeSpan delay, CancellationToken cancellationToken)
    {
        UsageBatch batch;
        try
        {
            batch = await UsageBatch.ReadAsync(_sender.NodeId, segment, _segment, _body, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        if (batch.Skipped > 0)
        {
            MeteringLog.LinesSkipped(_logger, segment, batch.Skipped, batch.BatchId);
        }
        if (batch.Records == 0)
        {
            _spool.Acknowledge(segment);
            return true;
        }
        var result = await _sender.SendAsync(batch, cancellationToken);
        switch (result.Status)
        {
            case UsageReportStatus.Acknowledged:
                MeteringLog.Acknowledged(_logger, batch.BatchId, result.Accepted, result.Duplicate);
                _spool.Acknowledge(segment);
                return true;
            case UsageReportStatus.Rejected:
                _spool.Reject(segment);
                MeteringLog.Rejected(_logger, batch.BatchId, result.Detail, Path.ChangeExtension(segment, SpoolSegment.RejectedExtension));
                return true;
            default:
                MeteringLog.ReportFailed(_logger, batch.BatchId, result.Detail, (long)delay.TotalMilliseconds);
                return false;
        }
    }

    /// <summary>Stops the loop, then seals the open segment so that the next start reports it at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _spool.SealOpen();
    }
}
