using System.Threading.Channels;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// Function and origin observations, queued by the request and applied to their prometheus-net children in
/// bursts (<see cref="MetricsApplierService"/>) and before every export, so a scrape never misses one.
/// Recorded on the request's thread, the counter and histogram updates of a trivial function's request cost
/// it about 3 % more node CPU under load, for work of 25 ns in isolation: what costs is touching them amid
/// the request's own work, not the work (benchmarks/load/README.md, "Metrics and function logs"). The REPORT
/// line taught the same (<see cref="Runtime.FunctionReport"/>).
/// </summary>
internal sealed class DeferredMetrics
{
    // One reader at a time (the applier, or an export), so the queue's single-reader form: its writes are lock-free.
    private readonly Channel<MetricUpdate> _pending = Channel.CreateUnbounded<MetricUpdate>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Lock _drain = new();

    public void Add(in MetricUpdate update) => _pending.Writer.TryWrite(update);

    /// <summary>Applies every queued update, in order.</summary>
    public void ApplyPending()
    {
        lock (_drain)
        {
            while (_pending.Reader.TryRead(out var update))
            {
                update.Target.Apply(update);
            }
        }
    }
}
