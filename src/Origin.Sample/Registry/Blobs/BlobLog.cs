namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>The blob collector's log messages, with fixed event ids.</summary>
internal static partial class BlobLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Blob collection deleted {Deleted} unreferenced blob(s) of {Stored} stored")]
    public static partial void Collected(ILogger logger, int deleted, int stored);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Blob {Sha256} is unreferenced but could not be deleted; the next collection tries again")]
    public static partial void DeleteFailed(ILogger logger, string sha256, Exception exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Blob collection failed; the next one runs in {Interval}")]
    public static partial void CollectionFailed(ILogger logger, TimeSpan interval, Exception exception);
}
