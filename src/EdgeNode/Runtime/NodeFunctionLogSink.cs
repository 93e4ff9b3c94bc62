using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Writes function log lines to the node's log: as JSON lines on standard output
/// (<see cref="JsonLinesFunctionLogWriter"/>, <see cref="NodeLogFormat.Json"/>, the default), or through
/// <c>ILogger</c>, category <c>EdgeCompute.FunctionLogs</c> (<see cref="NodeLogFormat.Logger"/>). Either way
/// that category's level in the logging configuration says which lines are written.
/// An invocation only queues its lines; <see cref="FunctionLogWriterService"/> writes them in bursts
/// (<see cref="WritePending"/>, every <see cref="FunctionRuntimeOptions.NodeLogInterval"/>). Logged one at
/// a time, every REPORT line woke the console logger's thread on its own: that switch, on the cores the
/// requests run on, cost a trivial function's request a fifth of its throughput (benchmarks/load/run-metrics.sh).
/// Lines keep their order, and their own timestamp.
/// </summary>
internal sealed partial class NodeFunctionLogSink : IFunctionLogSink
{
    // A bound so that a node log slower than the functions cannot take the node's memory: past it,
    // new lines are counted and left out of the node log (they are still shipped, with a regional origin).
    private const int Capacity = 100_000;

    private readonly ILogger _logger;
    private readonly JsonLinesFunctionLogWriter? _json;
    private readonly Channel<FunctionLogRecord> _pending;
    private readonly Lock _drain = new();
    private long _dropped;
    private long _droppedReported;
    private volatile bool _direct;

    /// <param name="json">The JSON lines writer; without it, lines go through the logger.</param>
    public NodeFunctionLogSink(ILoggerFactory loggerFactory, JsonLinesFunctionLogWriter? json = null)
    {
        _logger = loggerFactory.CreateLogger("EdgeCompute.FunctionLogs");
        _json = json;
        // A full channel drops the new line and still reports success: the callback is what counts it.
        _pending = Channel.CreateBounded<FunctionLogRecord>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public bool IsEnabled(string level) => _logger.IsEnabled(ToLogLevel(level));

    /// <summary>
    /// Lines left out of the node's log: past the queue's bound, or lost to a standard output that would
    /// not take them (<see cref="JsonLinesFunctionLogWriter.LinesLost"/>).
    /// </summary>
    public long DroppedLines => Interlocked.Read(ref _dropped) + (_json?.LinesLost ?? 0);

    public void Write(in FunctionLogRecord record)
    {
        if (!IsEnabled(record.Level))
        {
            return;
        }
        if (_direct)
        {
            lock (_drain)
            {
                WriteLine(record);
                _json?.Flush();
            }
        }
        else
        {
            _pending.Writer.TryWrite(record);
        }
    }

    /// <summary>Writes every queued line, and reports lines dropped since the last call.</summary>
    // Locked: the writer service calls it, and so may shutdown or a test that reads the node log now;
    // two drains at once would interleave lines.
    public void WritePending()
    {
        lock (_drain)
        {
            while (_pending.Reader.TryRead(out var record))
            {
                WriteLine(record);
            }
            _json?.Flush();
            var dropped = Interlocked.Read(ref _dropped);
            if (dropped > _droppedReported)
            {
                LinesDropped(_logger, dropped - _droppedReported, Capacity);
                _droppedReported = dropped;
            }
        }
    }

    /// <summary>From now on, lines are written as they come (the writer has stopped; the node is shutting down).</summary>
    public void WriteDirectly()
    {
        _direct = true;
        WritePending();
    }

    private void WriteLine(in FunctionLogRecord record)
    {
        if (_json is not null)
        {
            _json.Write(record);
            return;
        }
        FunctionLine(_logger, ToLogLevel(record.Level), record.FunctionName, record.FunctionVersion, record.EventType, record.RequestId,
            record.Timestamp, record.Message);
    }

    private static LogLevel ToLogLevel(string level) => level switch
    {
        "ERROR" => LogLevel.Error,
        "WARN" => LogLevel.Warning,
        "DEBUG" or "TRACE" => LogLevel.Debug,
        _ => LogLevel.Information,
    };

    [LoggerMessage(EventId = 100, Message = "{FunctionName}:{FunctionVersion} {EventType} {RequestId} {Timestamp:O} {Line}")]
    private static partial void FunctionLine(ILogger logger, LogLevel level, string functionName, string functionVersion,
        string eventType, string requestId, DateTimeOffset timestamp, string line);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "{Count} function log lines were left out of the node log: more than {Capacity} were waiting to be written")]
    private static partial void LinesDropped(ILogger logger, long count, int capacity);
}
