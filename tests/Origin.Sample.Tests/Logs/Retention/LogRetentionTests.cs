using EdgeCompute.Origin.Sample.Logs.Retention;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using Microsoft.Extensions.DependencyInjection;
using static EdgeCompute.Origin.Sample.Tests.Logs.Common.LogBatches;

namespace EdgeCompute.Origin.Sample.Tests.Logs.Retention;

/// <summary><see cref="LogRetention"/>: lines older than <c>Logs:RetentionDays</c> go, the rest stay.</summary>
public sealed class LogRetentionTests
{
    [Fact]
    public async Task Clean_LinesOlderThanRetention_Deleted_NewerKept()
    {
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?> { ["Logs:RetentionDays"] = "2" });
        var now = DateTimeOffset.UtcNow;
        await server.Node.ShipOkAsync("edge-1:a", "edge-1",
            Line("three days old", Iso(now.AddDays(-3)), sequence: 1),
            Line("one day old", Iso(now.AddDays(-1)), sequence: 2),
            Line("now", Iso(now), sequence: 3));

        var deleted = await server.Services.GetRequiredService<LogRetention>().CleanAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["one day old", "now"], Messages(await server.A.LogsAsync("function=hello")));
    }

    [Fact]
    public async Task Start_BadRetention_FailsStartup()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            RegistryServer.StartAsync(settings: new Dictionary<string, string?> { ["Logs:RetentionDays"] = "0" }));

        Assert.Contains("Logs:RetentionDays", error.Message);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
