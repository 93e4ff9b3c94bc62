using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Writes a function log line as one JSON object:
/// <c>{"timestamp", "level", "nodeId", "account", "function", "version", "event", "requestId", "message"}</c>,
/// in the spirit of Lambda's JSON log format. The same bytes are the node's log line
/// (<see cref="JsonLinesFunctionLogWriter"/>) and, with a regional origin, the shipped record
/// (<c>Logs/LogBuffer</c>): a line is formatted once, on the node log's drain thread, whichever of the two
/// take it. Not thread-safe: <see cref="NodeFunctionLogSink"/> calls it under its drain lock.
/// </summary>
internal sealed class FunctionLogLineFormatter
{
    /// <summary>Lambda cuts log lines at 256 KB; the regional origin refuses longer ones, so they are cut here.</summary>
    public const int MaxMessageChars = 256 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // A log line is not HTML: keep <, >, &, ' and non-ASCII text readable; quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText NodeId = JsonEncodedText.Encode("nodeId");
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("requestId");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    private readonly JsonEncodedText _nodeId;
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _json;

    public FunctionLogLineFormatter(string nodeId)
    {
        _nodeId = JsonEncodedText.Encode(nodeId, Options.Encoder);
        _json = new Utf8JsonWriter(_line, Options);
    }

    /// <summary>The line as a JSON object, no newline; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(in FunctionLogRecord record)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        _json.WriteStartObject();
        _json.WriteString(Timestamp, record.Timestamp);
        _json.WriteString(Level, record.Level);
        _json.WriteString(NodeId, _nodeId);
        _json.WriteString(Account, record.Account);
        _json.WriteString(Function, record.FunctionName);
        _json.WriteString(Version, record.FunctionVersion);
        _json.WriteString(Event, record.EventType);
        _json.WriteString(RequestId, record.RequestId);
        record.WriteMessage(_json, Message, MaxMessageChars);
        _json.WriteEndObject();
        _json.Flush();
        return _line.WrittenSpan;
    }
}
