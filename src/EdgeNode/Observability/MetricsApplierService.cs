using Microsoft.Extensions.Hosting;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>Applies the queued function and origin observations every 100 ms (<see cref="DeferredMetrics"/>).</summary>
internal sealed class MetricsApplierService : BackgroundService
{
    // Short enough that the queue stays small at any rate; an export applies what is queued anyway.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly DeferredMetrics _deferred;
    private readonly TimeProvider _time;

    public MetricsApplierService(DeferredMetrics deferred, TimeProvider time)
    {
        _deferred = deferred;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _deferred.ApplyPending();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
