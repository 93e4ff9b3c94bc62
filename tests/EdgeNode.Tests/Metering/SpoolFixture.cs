using System.Text.Json;
using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>
/// A spool directory in a temp folder, and spools over it as the node builds them (each with its own
/// metrics registry and log capture): a second spool over the same directory is a restarted node.
/// </summary>
internal sealed class SpoolFixture : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("edge-usage-").FullName;

    public LogCapture Logs { get; } = new();

    public CollectorRegistry? Registry { get; private set; }

    public UsageMetrics? Metrics { get; private set; }

    public UsageSpool Open(MeteringOptions? options = null, TimeProvider? time = null)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Metrics = new UsageMetrics(Prometheus.Metrics.WithCustomRegistry(Registry));
        return new UsageSpool(Directory, options ?? new MeteringOptions(), time ?? TimeProvider.System, Metrics,
            new Logger<UsageSpool>(new LoggerFactory([Logs])));
    }

    public static UsageRecord Record(string function = "hello", string outcome = "ok", long billed = 13) =>
        new("111111111111", function, "3", "viewer-request", UsageRecord.LambdaEdgeStyle, "v8", outcome, 12.34, billed, 128,
            new DateTimeOffset(2026, 11, 28, 12, 0, 0, 123, TimeSpan.Zero));

    public string[] Files(string extension) =>
        System.IO.Directory.GetFiles(Directory, "*" + extension).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The JSON lines of every file with <paramref name="extension"/>, oldest segment first.</summary>
    public List<JsonElement> Lines(string extension) =>
        Files(extension).SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
