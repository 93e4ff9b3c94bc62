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

    // A REPORT line with its figures, as a JSON string, is well under this; a longer one (a long request id) is written from Message.
    private const int ReportBytes = 448;

    /// <summary>
    /// Writes the line's text as the JSON string <paramref name="property"/>, cut at <paramref name="maxChars"/>:
    /// a REPORT line straight from its figures, with no string of its own (the JSON node log and the
    /// shipper's batches write one per invocation).
    /// </summary>
    public void WriteMessage(Utf8JsonWriter json, JsonEncodedText property, int maxChars = int.MaxValue)
    {
        if (Report is { } report)
        {
            // Only a REPORT line needs the buffer: a console line is written from its own string.
            Span<byte> quoted = stackalloc byte[ReportBytes];
            if (report.TryFormatUtf8(quoted, RequestId, asJsonString: true, out var length))
            {
                json.WritePropertyName(property);
                json.WriteRawValue(quoted[..length], skipInputValidation: true);
                return;
            }
        }
        var message = Message;
        json.WriteString(property, message.Length > maxChars ? message.AsSpan(0, maxChars) : message);
    }

    /// <summary>A REPORT line whose text is written when a sink reads it, off the invocation's thread.</summary>
    public static FunctionLogRecord ForReport(DateTimeOffset timestamp, string functionName, string functionVersion, string eventType,
        string requestId, FunctionReport report, string account) =>
        new(timestamp, functionName, functionVersion, eventType, requestId, "REPORT", null!, account) { Report = report };
}
