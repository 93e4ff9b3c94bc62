using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>The regional sync's log messages, with fixed event ids.</summary>
internal static partial class RegionalLog
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Regional sync with {Url} started as node {NodeId}, serving revision {Revision}")]
    public static partial void Started(ILogger logger, string url, string nodeId, long revision);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Snapshot revision {Revision} from the registry is served; {Bundles} bundle(s) kept in {Directory}")]
    public static partial void Applied(ILogger logger, long revision, int bundles, string directory);

    [LoggerMessage(EventId = 32, Level = LogLevel.Error,
        Message = "Snapshot revision {Revision} from the registry refused; revision {Serving} stays. Errors:\n{Errors}")]
    public static partial void Refused(ILogger logger, long revision, long serving, string errors);

    [LoggerMessage(EventId = 33, Level = LogLevel.Warning,
        Message = "Regional sync failed: {Reason}. Revision {Serving} stays served; retrying in {Delay} ms")]
    public static partial void Failed(ILogger logger, string reason, long serving, long delay);

    [LoggerMessage(EventId = 34, Level = LogLevel.Warning,
        Message = "The snapshot on disk (revision {Revision}) cannot be loaded; the node serves nothing until the registry answers. Errors:\n{Errors}")]
    public static partial void DiskSnapshotUnusable(ILogger logger, long revision, string errors);

    [LoggerMessage(EventId = 35, Level = LogLevel.Debug, Message = "Bundle {Sha256} downloaded and verified")]
    public static partial void BundleDownloaded(ILogger logger, string sha256);
}
