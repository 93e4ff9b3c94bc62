using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>The <c>Metering</c> section: checked at start with every error listed, and where the spool goes.</summary>
public sealed class MeteringOptionsTests
{
    [Fact]
    public async Task Build_MeteringSettingsWrong_RefusedWithEachSetting()
    {
        await using var env = new EdgeTestEnvironment().AddOrigin(TestDistribution.DefaultOriginId, 9).Bind("*")
            .WithMetering("""{ "Enabled": true, "GranularityMs": 0, "SegmentRecords": 0, "SegmentSeconds": -1, "MaxSpoolBytes": 0, "SpoolDirectory": " " }""");
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Null(app);
        Assert.Equal(
            ["$.Metering.GranularityMs", "$.Metering.SegmentRecords", "$.Metering.SegmentSeconds", "$.Metering.MaxSpoolBytes", "$.Metering.SpoolDirectory"],
            errors.Select(e => e.Path));
        Assert.Contains("1: Lambda's rule, 100: the classic one", errors[0].Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(7)]
    public void Validate_AnyPositiveGranularity_Accepted(int granularityMs)
    {
        Assert.Empty(new MeteringOptions { GranularityMs = granularityMs }.Validate("edge.json"));
    }

    [Fact]
    public void SpoolDirectoryFor_Defaults_UnderRegionalDataOrNextToTheConfig()
    {
        var config = Path.Combine(Path.GetTempPath(), "node", "edge.json");
        var folder = Path.GetDirectoryName(config)!;
        var options = new MeteringOptions();

        Assert.Equal(Path.Combine(folder, "data", "usage"), options.SpoolDirectoryFor(config, new RegionalOptions()));
        Assert.Equal(Path.Combine(folder, "state", "usage"),
            options.SpoolDirectoryFor(config, new RegionalOptions { Url = "http://127.0.0.1:1", DataDirectory = "state" }));
        Assert.Equal("/var/spool/edge", new MeteringOptions { SpoolDirectory = "/var/spool/edge" }.SpoolDirectoryFor(config, new RegionalOptions()));
    }
}
