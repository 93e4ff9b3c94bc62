using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Writes the function log lines queued by <see cref="NodeFunctionLogSink"/> to the node's log every
/// <see cref="FunctionRuntimeOptions.NodeLogInterval"/>; once stopping, it writes what is left and lets
/// the sink write directly, so that no line logged during shutdown is lost.
/// </summary>
internal sealed class FunctionLogWriterService(NodeFunctionLogSink sink, IOptions<FunctionRuntimeOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NodeLogInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                sink.WritePending();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            sink.WriteDirectly();
        }
    }
}
