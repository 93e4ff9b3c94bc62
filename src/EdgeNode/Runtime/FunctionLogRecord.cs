using System.Text.Json;
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
    string Account = FunctionModel.StandaloneAccount)
{
    /// <summary>The line's text; a REPORT line's is written from <see cref="Report"/> each time it is read.</summary>
    public string Message { get => field ?? Report?.Format(RequestId) ?? ""; init; } = Message;

    /// <summary>The REPORT line's figures, when this is one made by <see cref="ForReport"/>.</summary>
    public FunctionReport? Report { get; init; }

    /// <summary>
    /// Writes the line's text as the JSON string <paramref name="property"/>, cut at <paramref name="maxChars"/>:
    /// a REPORT line straight from its figures, with no string of its own (the JSON node log and the
    /// shipper's batches write one per invocation).
    /// </summary>
    public void WriteMessage(Utf8JsonWriter json, JsonEncodedText property, int maxChars = int.MaxValue)
    {
        Span<char> line = stackalloc char[384];
        if (Report is { } report && report.TryFormat(line, RequestId, out var written))
        {
            json.WriteString(property, line[..written]);
            return;
        }
        var message = Message;
        json.WriteString(property, message.Length > maxChars ? message.AsSpan(0, maxChars) : message);
    }

    /// <summary>A REPORT line whose text is written when a sink reads it, off the invocation's thread.</summary>
    public static FunctionLogRecord ForReport(DateTimeOffset timestamp, string functionName, string functionVersion, string eventType,
        string requestId, FunctionReport report, string account) =>
        new(timestamp, functionName, functionVersion, eventType, requestId, "REPORT", null!, account) { Report = report };
}
