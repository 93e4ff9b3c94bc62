using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Hosting;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>Disposes isolates that have been idle past the configured timeout (scale to zero).</summary>
internal sealed class IsolateJanitorService : BackgroundService
{
    private readonly FunctionRuntime _runtime;
    private readonly TimeProvider _time;

    public IsolateJanitorService(FunctionRuntime runtime, TimeProvider time)
    {
        _runtime = runtime;
        _time = time;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _runtime.TrimIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
