namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>A clock that moves only when told: segment ages without waiting. Timers stay real.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public DateTimeOffset Start { get; } = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Start.AddTicks(Interlocked.Read(ref _ticks));
}
