namespace EdgeCompute.Origin.Sample.Billing;

/// <summary>Billing's log messages, with fixed event ids (7000–7099).</summary>
internal static partial class BillingLog
{
    [LoggerMessage(7000, LogLevel.Debug, "Usage batch {BatchId} from node {NodeId}: {Records} records into {Rows} monthly rows")]
    public static partial void BatchIngested(ILogger logger, string batchId, string nodeId, int records, int rows);

    [LoggerMessage(7001, LogLevel.Information, "Usage batch {BatchId} from node {NodeId} was already ingested; nothing changed")]
    public static partial void DuplicateBatch(ILogger logger, string batchId, string nodeId);

    [LoggerMessage(7002, LogLevel.Warning, "Usage batch {BatchId} refused: {Reason}")]
    public static partial void BatchRejected(ILogger logger, string? batchId, string reason);
}
