using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Logs.Retention;

/// <summary>
/// Runs <see cref="LogRetention"/> every <see cref="LogsOptions.CleanupInterval"/>. The first run is one
/// interval after start, so starting the origin touches nothing on disk.
/// </summary>
internal sealed class LogRetentionService(LogRetention retention, IOptions<LogsOptions> options, TimeProvider time,
    ILogger<LogRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CleanupInterval;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await retention.CleanAsync(stoppingToken);
            }
            // A failed run (database busy) must not end retention for the process's lifetime.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogsLog.CleanupFailed(logger, interval, ex);
            }
        }
    }
}
