using EdgeCompute.EdgeNode.Logs;

namespace EdgeCompute.EdgeNode.Tests.Logs;

public sealed class LogShippingOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var options = new LogShippingOptions();

        Assert.Empty(options.Validate("edge.json"));
        Assert.Equal(100_000, options.BufferRecords);
        Assert.Equal(500, options.BatchRecords);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ShipInterval);
    }

    [Fact]
    public void Validate_EverythingWrong_EveryErrorAtOnce()
    {
        var errors = new LogShippingOptions { BufferRecords = 0, BatchRecords = -1, ShipInterval = TimeSpan.Zero }.Validate("edge.json");

        Assert.Equal(["$.Logs.BufferRecords", "$.Logs.BatchRecords", "$.Logs.ShipInterval"], errors.Select(e => e.Path));
    }
}
