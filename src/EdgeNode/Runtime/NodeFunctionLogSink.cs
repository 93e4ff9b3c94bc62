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
/// Lines keep their order, and their own timestamp. With a regional origin, the drain also hands each
/// line to the shipper (<see cref="IFunctionLogLineQueue"/>), as the same JSON the node log writes: a line
/// is queued and formatted once for both, and the shipper's copy takes every level whatever the node log's.
/// </summary>
internal sealed partial class NodeFunctionLogSink : IFunctionLogSink
{
    // A bound so that a node log slower than the functions cannot take the node's memory: past it, new
    // lines are counted and left out (of the node log, and of shipping: the drain feeds both). The drain
    // runs every 100 ms; 100,000 lines waiting means standard output has stalled.
    private const int Capacity = 100_000;

    private readonly ILogger _logger;
    private readonly JsonLinesFunctionLogWriter? _json;
    private readonly IFunctionLogLineQueue? _shipping;
    private readonly FunctionLogLineFormatter? _formatter;
    private readonly Channel<FunctionLogRecord> _pending;
    private readonly Lock _drain = new();
    private long _dropped;
    private long _droppedReported;
    private volatile bool _direct;

    /// <param name="json">The JSON lines writer; without it, lines go through the logger.</param>
    /// <param name="shipping">With a regional origin, the shipper's buffer: it gets every line.</param>
    /// <param name="formatter">Formats lines for <paramref name="shipping"/>; by default <paramref name="json"/>'s.</param>
    public NodeFunctionLogSink(ILoggerFactory loggerFactory, JsonLinesFunctionLogWriter? json = null,
        IFunctionLogLineQueue? shipping = null, FunctionLogLineFormatter? formatter = null)
    {
        _logger = loggerFactory.CreateLogger("EdgeCompute.FunctionLogs");
        _json = json;
        _shipping = shipping;
        _formatter = json?.Formatter ?? formatter;
        if (shipping is not null && _formatter is null)
        {
            throw new ArgumentException("shipping function log lines needs a formatter", nameof(formatter));
        }
        // A full channel drops the new line and still reports success: the callback is what counts it.
        _pending = Channel.CreateBounded<FunctionLogRecord>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Every line is shipped; the node log takes the levels its category is enabled for.</summary>
    public bool IsEnabled(string level) => _shipping is not null || _logger.IsEnabled(ToLogLevel(level));

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
        var toNodeLog = _logger.IsEnabled(ToLogLevel(record.Level));
        if (_shipping is null && !toNodeLog)
        {
            return;
        }
        var line = (toNodeLog && _json is not null) || _shipping is not null ? _formatter!.Format(record) : default;
        if (toNodeLog)
        {
            if (_json is not null)
            {
                _json.WriteLine(line);
            }
            else
            {
                FunctionLine(_logger, ToLogLevel(record.Level), record.FunctionName, record.FunctionVersion, record.EventType, record.RequestId,
                    record.Timestamp, record.Message);
            }
        }
        _shipping?.Enqueue(line);
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
