using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Metering;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// What metering adds to an invocation: one record appended to the write-ahead spool (serialised,
/// one write to the OS under the spool's lock, and — once per 1000 records — the fsync and rename
/// of a full segment), against the baseline of serialising the record without writing it.
/// Measured per segment (1000 records, reported per record): the sealed segment is then deleted as the
/// reporter would after an acknowledgement (a directory listing and an unlink, amortised), so the disk stays small.
/// </summary>
[MemoryDiagnoser]
public class UsageSpoolBenchmarks
{
    private const int SegmentRecords = 1000;

    private readonly UsageRecordWriter _writer = new();
    private readonly UsageRecord _record = new("111111111111", "hello", "3", "viewer-request", UsageRecord.LambdaEdgeStyle, "v8", "ok",
        12.34, 13, 128, DateTimeOffset.UtcNow);
    private string _directory = null!;
    private UsageSpool _spool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("edge-usage-bench-").FullName;
        _spool = new UsageSpool(_directory, new MeteringOptions { SegmentRecords = SegmentRecords, SegmentSeconds = 3600, MaxSpoolBytes = long.MaxValue },
            TimeProvider.System, new UsageMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry())), NullLogger<UsageSpool>.Instance);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SegmentRecords)]
    public int SerializeOnly()
    {
        var bytes = 0;
        for (var i = 0; i < SegmentRecords; i++)
        {
            bytes += _writer.Write(_record).Length;
        }
        return bytes;
    }

    /// <summary>One segment's worth: the last append seals it (fsync, rename); then it is deleted as an acknowledged one.</summary>
    [Benchmark(OperationsPerInvoke = SegmentRecords)]
    public void Append()
    {
        for (var i = 0; i < SegmentRecords; i++)
        {
            _spool.Append(_record);
        }
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
