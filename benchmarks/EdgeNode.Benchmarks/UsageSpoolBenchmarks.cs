using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Metering;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// What metering adds to an invocation: one record appended to the write-ahead spool (serialised,
/// one write to the OS under the spool's lock, and — once per 1000 records — the fsync and rename
/// of a full segment), against the baseline of serialising the record without writing it.
/// Sealed segments are deleted between iterations, as the reporter would, so the disk stays small.
/// </summary>
[MemoryDiagnoser]
public class UsageSpoolBenchmarks
{
    private readonly UsageRecordWriter _writer = new();
    private readonly UsageRecord _record = new("111111111111", "hello", "3", "viewer-request", UsageRecord.LambdaEdgeStyle, "v8", "ok",
        12.34, 13, 128, DateTimeOffset.UtcNow);
    private string _directory = null!;
    private UsageSpool _spool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("edge-usage-bench-").FullName;
        _spool = new UsageSpool(_directory, new MeteringOptions { SegmentRecords = 1000, SegmentSeconds = 3600, MaxSpoolBytes = long.MaxValue },
            TimeProvider.System, new UsageMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry())), NullLogger<UsageSpool>.Instance);
    }

    [Benchmark(Baseline = true)]
    public int SerializeOnly() => _writer.Write(_record).Length;

    [Benchmark]
    public bool Append() => _spool.Append(_record);

    [IterationCleanup]
    public void DeleteSealed()
    {
        foreach (var segment in _spool.ReadySegments())
        {
            _spool.Acknowledge(segment);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _spool.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
