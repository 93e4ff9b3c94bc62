using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// One line of a function's log: a console call, an error report, or the REPORT line.
/// <paramref name="Account"/> owns the function: the regional origin files the line under it.
/// </summary>
public readonly record struct FunctionLogRecord(
    DateTimeOffset Timestamp,
    string FunctionName,
    string FunctionVersion,
    string EventType,
    string RequestId,
    string Level,
    string Message,
    string Account = FunctionModel.StandaloneAccount);
