using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// One REPORT line into the node's log as a JSON line (formatted into a reused buffer, written in chunks
/// to a stream that discards them), against the baseline of only formatting its text as a string, which
/// the logger path did before handing it to the console logger. The console logger itself runs on its
/// own thread, out of a benchmark's sight: its cost is in the load runs (benchmarks/load/README.md).
/// </summary>
[MemoryDiagnoser]
public class NodeLogBenchmarks
{
    private const int LinesPerBurst = 200;
    private JsonLinesFunctionLogWriter _writer = null!;
    private FunctionLogRecord _report;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new JsonLinesFunctionLogWriter(Stream.Null, "bench");
        _report = FunctionLogRecord.ForReport(DateTimeOffset.UtcNow, "trivial", "$LATEST", "viewer-request",
            "uIp6bk73HisFc_tMvVhdF2G3mA-jTFaR8WKqAVsJ0pPsoJGyO2mZnA==",
            new FunctionReport(TimeSpan.FromTicks(6_412), 1, 128, 1, TimeSpan.Zero, null), "000000000000");
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
}
