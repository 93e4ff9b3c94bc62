using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>
/// Runs <see cref="BlobCollector"/> every <see cref="RegistryOptions.BlobCollectInterval"/> (zero: never),
/// keeping blobs younger than <see cref="RegistryOptions.BlobGracePeriod"/>. The first run is one
/// interval after start, so starting the origin touches nothing on disk.
/// </summary>
internal sealed class BlobCollectionService(BlobCollector collector, IOptions<RegistryOptions> options, TimeProvider time,
    ILogger<BlobCollectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.BlobCollectInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await collector.CollectAsync(options.Value.BlobGracePeriod, stoppingToken);
            }
            // A failed run (disk, database busy) must not end collection for the process's lifetime.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                BlobLog.CollectionFailed(logger, interval, ex);
            }
        }
    }
}
