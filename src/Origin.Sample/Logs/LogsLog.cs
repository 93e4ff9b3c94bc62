namespace EdgeCompute.Origin.Sample.Logs;

/// <summary>Function logs' log messages, with fixed event ids (7100–7199).</summary>
internal static partial class LogsLog
{
    [LoggerMessage(7100, LogLevel.Debug, "Log batch {BatchId} from node {NodeId}: {Records} records stored")]
    public static partial void BatchIngested(ILogger logger, string batchId, string nodeId, int records);

    [LoggerMessage(7101, LogLevel.Information, "Log batch {BatchId} from node {NodeId} was already stored; nothing changed")]
    public static partial void DuplicateBatch(ILogger logger, string batchId, string nodeId);

    [LoggerMessage(7102, LogLevel.Warning, "Log batch {BatchId} refused: {Reason}")]
    public static partial void BatchRejected(ILogger logger, string? batchId, string reason);

    [LoggerMessage(7103, LogLevel.Information, "Log retention: {Records} records before {Cutoff:O} deleted")]
    public static partial void Cleaned(ILogger logger, int records, DateTimeOffset cutoff);

    [LoggerMessage(7104, LogLevel.Error, "Log retention run failed; trying again in {Interval}")]
    public static partial void CleanupFailed(ILogger logger, TimeSpan interval, Exception exception);
}
