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

    // A REPORT line with its figures is well under this; a longer one (a long request id) is written from Message.
    private const int ReportChars = 384;

    /// <summary>
    /// Writes the line's text as the JSON string <paramref name="property"/>, cut at <paramref name="maxChars"/>:
    /// a REPORT line straight from its figures, with no string of its own (the JSON node log and the
    /// shipper's batches write one per invocation).
    /// </summary>
    public void WriteMessage(Utf8JsonWriter json, JsonEncodedText property, int maxChars = int.MaxValue)
    {
        if (Report is { } report)
        {
            // Only a REPORT line needs the buffers: a console line is written from its own string.
            Span<char> line = stackalloc char[ReportChars];
            Span<byte> quoted = stackalloc byte[2 * ReportChars + 2];
            if (report.TryFormat(line, RequestId, out var written) && TryQuotePlain(line[..written], quoted, out var length))
            {
                json.WritePropertyName(property);
                json.WriteRawValue(quoted[..length], skipInputValidation: true);
                return;
            }
        }
        var message = Message;
        json.WriteString(property, message.Length > maxChars ? message.AsSpan(0, maxChars) : message);
    }

    // A REPORT line is printable ASCII and tabs (its request id is the node's own), so it is quoted here
    // by hand, each tab as \t, rather than through the encoder's general escaping (a tenth of the time of
    // a whole JSON line, NodeLogBenchmarks). Anything else, and the writer escapes it.
    private static bool TryQuotePlain(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        var i = 0;
        destination[i++] = (byte)'"';
        foreach (var c in text)
        {
            if (c == '\t')
            {
                destination[i++] = (byte)'\\';
                destination[i++] = (byte)'t';
            }
            else if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                destination[i++] = (byte)c;
            }
            else
            {
                length = 0;
                return false;
            }
        }
        destination[i++] = (byte)'"';
        length = i;
        return true;
    }

    /// <summary>A REPORT line whose text is written when a sink reads it, off the invocation's thread.</summary>
    public static FunctionLogRecord ForReport(DateTimeOffset timestamp, string functionName, string functionVersion, string eventType,
        string requestId, FunctionReport report, string account) =>
        new(timestamp, functionName, functionVersion, eventType, requestId, "REPORT", null!, account) { Report = report };
}
