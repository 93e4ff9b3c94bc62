using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>The request path's log messages, with fixed event ids.</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "{RequestId} {EventType} function {FunctionName} returned an invalid result: {Detail}")]
    public static partial void FunctionValidationError(ILogger logger, string requestId, string eventType, string functionName, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{RequestId} {EventType} function {FunctionName} failed: {Detail}")]
    public static partial void FunctionExecutionError(ILogger logger, string requestId, string eventType, string functionName, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "{RequestId} {EventType} function {FunctionName} exceeded a limit ({Outcome}): {Detail}")]
    public static partial void FunctionLimitExceeded(ILogger logger, string requestId, string eventType, string functionName, string outcome, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{RequestId} origin {Destination} failed: {Error}")]
    public static partial void OriginFailed(ILogger logger, string requestId, string destination, string error, Exception? exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{RequestId} origin {Origin} failed ({Reason}); failing over to {Secondary}")]
    public static partial void OriginFailover(ILogger logger, string requestId, string origin, string secondary, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Configuration {Version} loaded from {File}: {Distributions} distribution(s), {Functions} function(s)")]
    public static partial void ConfigLoaded(ILogger logger, long version, string file, int distributions, int functions);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Configuration change in {File} refused; the last good configuration stays. Errors:\n{Errors}")]
    public static partial void ConfigRejected(ILogger logger, string file, string errors);
}
