namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// When the node last knew it served the registry's latest revision: a long-poll that came back
/// with nothing new, or a snapshot applied. Read by <c>/readyz</c> and the metrics; one per node.
/// </summary>
internal sealed class RegionalSyncStatus
{
    private readonly TimeProvider _time;
    private long _lastSyncTicks;

    public RegionalSyncStatus(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The last successful sync; null before the first.</summary>
    public DateTimeOffset? LastSync => Interlocked.Read(ref _lastSyncTicks) is var ticks && ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Synced() => Interlocked.Exchange(ref _lastSyncTicks, _time.GetUtcNow().UtcTicks);
}
