using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>Log shipping's log messages, with fixed event ids.</summary>
internal static partial class LogShippingLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Function logs shipped to {Url} as node {NodeId}, buffer {Capacity} record(s)")]
    public static partial void ShipperStarted(ILogger logger, string url, string nodeId, int capacity);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning,
        Message = "Function log buffer full (Logs:BufferRecords {Capacity}): the oldest waiting batches are being dropped")]
    public static partial void DroppingStarted(ILogger logger, int capacity);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Function log buffer has room again, after {Dropped} record(s) dropped")]
    public static partial void DroppingEnded(ILogger logger, long dropped);

    [LoggerMessage(EventId = 63, Level = LogLevel.Debug, Message = "Log batch {BatchId} acknowledged: {Records} record(s)")]
    public static partial void Acknowledged(ILogger logger, string batchId, int records);

    [LoggerMessage(EventId = 64, Level = LogLevel.Warning, Message = "Log batch {BatchId} not shipped: {Reason}. Retrying it in {Delay} ms")]
    public static partial void ShipFailed(ILogger logger, string batchId, string reason, long delay);

    [LoggerMessage(EventId = 65, Level = LogLevel.Error,
        Message = "Log batch {BatchId} rejected by the regional origin ({Detail}); its {Records} record(s) are dropped")]
    public static partial void Rejected(ILogger logger, string batchId, string detail, int records);

    [LoggerMessage(EventId = 66, Level = LogLevel.Error, Message = "Function log shipping failed; retrying in {Delay} ms")]
    public static partial void PassFailed(ILogger logger, Exception exception, long delay);
}
