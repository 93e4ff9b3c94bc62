using EdgeCompute.EdgeNode.Metering;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>Lambda's rounding: up to the granularity, at least one unit, exact at the boundaries.</summary>
public sealed class BilledDurationTests
{
    [Theory]
    [InlineData(150_000, 1, 15)]        // 15 ms
    [InlineData(150_000, 100, 100)]
    [InlineData(2_000, 1, 1)]           // 0.2 ms: less than a unit is one unit
    [InlineData(2_000, 100, 100)]
    [InlineData(1_000_000, 100, 100)]   // exactly 100.0 ms: no extra unit
    [InlineData(1_000_100, 100, 200)]   // 100.01 ms
    [InlineData(123_400, 1, 13)]        // 12.34 ms
    [InlineData(120_000, 1, 12)]        // exactly 12 ms
    [InlineData(120_001, 1, 13)]
    [InlineData(0, 1, 1)]               // ran, but faster than the clock: still billed
    [InlineData(0, 100, 100)]
    [InlineData(50_000_000, 100, 5000)] // a 5 s timeout
    public void Milliseconds_Duration_RoundedUpToGranularity(long ticks, int granularityMs, long expected)
    {
        Assert.Equal(expected, BilledDuration.Milliseconds(TimeSpan.FromTicks(ticks), granularityMs));
    }

    [Fact]
    public void Milliseconds_OtherGranularity_MultipleOfIt()
    {
        Assert.Equal(250, BilledDuration.Milliseconds(TimeSpan.FromMilliseconds(201), 50));
    }

    [Fact]
    public void Milliseconds_NoGranularity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BilledDuration.Milliseconds(TimeSpan.FromMilliseconds(1), 0));
    }
}
