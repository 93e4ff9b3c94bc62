using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>The geo stage's log messages, with fixed event ids.</summary>
internal static partial class GeoLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Warning,
        Message = "Geo: {Setting} not used, the node adds no headers from it: {Reason}")]
    public static partial void DatabaseSkipped(ILogger logger, string setting, string reason);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "Geo: {Database} lookup of {Address} failed; its headers are left out: {Reason}")]
    public static partial void LookupFailed(ILogger logger, string address, string database, string reason);
}
