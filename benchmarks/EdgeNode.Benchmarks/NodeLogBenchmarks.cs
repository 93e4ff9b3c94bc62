using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// One REPORT line into the node's log as a JSON line (formatted into a reused buffer, written in chunks
/// to a stream that discards them), against the baseline of only formatting its text as a string, which
/// the logger path did before handing it to the console logger. The console logger itself runs on its
/// own thread, out of a benchmark's sight: its cost is in the load runs (benchmarks/load/README.md).
/// With a regional origin a line is also shipped: the node log's drain hands the same formatted line to
/// the <see cref="LogBuffer"/>, which copies it into the open batch with its sequence number; what that
/// adds per line is <see cref="ShipReportLine"/> (the POST is in the load runs).
/// </summary>
[MemoryDiagnoser]
public class NodeLogBenchmarks
{
    private const int LinesPerBurst = 200;
    private JsonLinesFunctionLogWriter _writer = null!;
    private LogBuffer _buffer = null!;
    private FunctionLogRecord _report;
    private byte[] _reportLine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new JsonLinesFunctionLogWriter(Stream.Null, "bench");
        _buffer = new LogBuffer(Options.Create(new LogShippingOptions()), "bench", NullLogger<LogBuffer>.Instance);
        _report = FunctionLogRecord.ForReport(DateTimeOffset.UtcNow, "trivial", "$LATEST", "viewer-request",
            "uIp6bk73HisFc_tMvVhdF2G3mA-jTFaR8WKqAVsJ0pPsoJGyO2mZnA==",
            new FunctionReport(TimeSpan.FromTicks(6_412), 1, 128, 1, TimeSpan.Zero, null), "000000000000");
        _reportLine = _writer.Formatter.Format(_report).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LinesPerBurst)]
    public int FormatReportText()
    {
        var length = 0;
        for (var i = 0; i < LinesPerBurst; i++)
        {
            length += _report.Message.Length;
        }
        return length;
    }

    [Benchmark(OperationsPerInvoke = LinesPerBurst)]
    public void WriteReportJsonLine()
    {
        for (var i = 0; i < LinesPerBurst; i++)
        {
            _writer.Write(_report);
        }
        _writer.Flush();
    }

    /// <summary>A formatted line into the open batch; each burst's batch taken and given back as the shipper does.</summary>
    [Benchmark(OperationsPerInvoke = LinesPerBurst)]
    public int ShipReportLine()
    {
        for (var i = 0; i < LinesPerBurst; i++)
        {
            _buffer.Enqueue(_reportLine);
        }
        var batch = _buffer.Take()!;
        _buffer.Release(batch);
        return batch.Body.Length;
    }
}
