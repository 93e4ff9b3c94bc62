using System.Buffers;
using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// What shipping adds per REPORT line, on top of the node's own JSON line (the baseline): queued in the
/// <see cref="LogBuffer"/> on the invocation path, then taken by the shipper and written into a batch body.
/// The POST itself is in the load runs (benchmarks/load/README.md).
/// </summary>
[MemoryDiagnoser]
public class LogShippingBenchmarks
{
    private const int Lines = 500;
    private JsonLinesFunctionLogWriter _writer = null!;
    private LogBuffer _buffer = null!;
    private readonly List<ShippedLogRecord> _taken = new(Lines);
    private readonly ArrayBufferWriter<byte> _body = new();
    private FunctionLogRecord _report;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new JsonLinesFunctionLogWriter(Stream.Null, "bench");
        _buffer = new LogBuffer(Options.Create(new LogShippingOptions()), NullLogger<LogBuffer>.Instance);
        _report = FunctionLogRecord.ForReport(DateTimeOffset.UtcNow, "trivial", "$LATEST", "viewer-request",
            "uIp6bk73HisFc_tMvVhdF2G3mA-jTFaR8WKqAVsJ0pPsoJGyO2mZnA==",
            new FunctionReport(TimeSpan.FromTicks(6_412), 1, 128, 1, TimeSpan.Zero, null), "000000000000");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public void WriteNodeLogLine()
    {
        for (var i = 0; i < Lines; i++)
        {
            _writer.Write(_report);
        }
        _writer.Flush();
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int QueueAndBatchLine()
    {
        for (var i = 0; i < Lines; i++)
        {
            _buffer.Add(_report);
        }
        _buffer.Take(_taken, Lines);
        var batch = LogBatch.Create("bench", _taken, _body);
        _taken.Clear();
        return batch.Body.Length;
    }
}
