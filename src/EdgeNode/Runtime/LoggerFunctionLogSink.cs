using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>Writes function log lines to the node's structured log, category <c>EdgeCompute.FunctionLogs</c>.</summary>
internal sealed partial class LoggerFunctionLogSink : IFunctionLogSink
{
    private readonly ILogger _logger;

    public LoggerFunctionLogSink(ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger("EdgeCompute.FunctionLogs");
    }

    public void Write(in FunctionLogRecord record)
    {
        var level = record.Level switch
        {
            "ERROR" => LogLevel.Error,
            "WARN" => LogLevel.Warning,
            "DEBUG" or "TRACE" => LogLevel.Debug,
            _ => LogLevel.Information,
        };
        if (_logger.IsEnabled(level))
        {
            FunctionLine(_logger, level, record.FunctionName, record.FunctionVersion, record.EventType, record.RequestId,
                record.Timestamp, record.Message);
        }
    }

    [LoggerMessage(EventId = 100, Message = "{FunctionName}:{FunctionVersion} {EventType} {RequestId} {Timestamp:O} {Line}")]
    private static partial void FunctionLine(ILogger logger, LogLevel level, string functionName, string functionVersion,
        string eventType, string requestId, DateTimeOffset timestamp, string line);
}
