using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>Metering's log messages, with fixed event ids.</summary>
internal static partial class MeteringLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information,
        Message = "Usage spool {Directory}: {Sealed} segment(s) left open by the previous process sealed ({TornBytes} torn byte(s) dropped); {Bytes} bytes waiting")]
    public static partial void Recovered(ILogger logger, string directory, int @sealed, long tornBytes, long bytes);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error,
        Message = "Usage records are being dropped: {Reason}. Spool {Directory} holds {Bytes} of Metering:MaxSpoolBytes {MaxBytes} bytes")]
    public static partial void Dropping(ILogger logger, string reason, string directory, long bytes, long maxBytes);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Usage records are spooled again, after {Dropped} record(s) dropped")]
    public static partial void Resumed(ILogger logger, long dropped);

    [LoggerMessage(EventId = 43, Level = LogLevel.Error, Message = "Usage segment {Path} cannot be sealed: {Reason}")]
    public static partial void SealFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 44, Level = LogLevel.Information, Message = "Usage reporting to {Url} started as node {NodeId}; spool {Directory}")]
    public static partial void ReporterStarted(ILogger logger, string url, string nodeId, string directory);

    [LoggerMessage(EventId = 45, Level = LogLevel.Debug, Message = "Usage batch {BatchId} acknowledged: {Accepted} record(s), duplicate {Duplicate}")]
    public static partial void Acknowledged(ILogger logger, string batchId, int accepted, bool duplicate);

    [LoggerMessage(EventId = 46, Level = LogLevel.Error,
        Message = "Usage batch {BatchId} rejected by the regional origin ({Detail}); the segment is kept as {Path} and not sent again")]
    public static partial void Rejected(ILogger logger, string batchId, string detail, string path);

    [LoggerMessage(EventId = 47, Level = LogLevel.Warning, Message = "Usage batch {BatchId} not reported: {Reason}. Retrying it in {Delay} ms")]
    public static partial void ReportFailed(ILogger logger, string batchId, string reason, long delay);

    [LoggerMessage(EventId = 48, Level = LogLevel.Warning, Message = "Usage segment {Path}: {Skipped} unreadable line(s) left out of batch {BatchId}")]
    public static partial void LinesSkipped(ILogger logger, string path, int skipped, string batchId);

    [LoggerMessage(EventId = 49, Level = LogLevel.Warning, Message = "Usage reporting failed: {Reason}. Retrying in {Delay} ms")]
    public static partial void PassFailed(ILogger logger, string reason, long delay);
}
