using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Writes function log lines to the node's log as JSON lines (<see cref="NodeLogFormat.Json"/>):
/// <c>{"timestamp", "level", "nodeId", "function", "version", "event", "requestId", "message"}</c>, one
/// object per line, in the spirit of Lambda's JSON log format. Lines are gathered and written in chunks of
/// whole lines, one write each, when <see cref="Flush"/> is called at the end of a burst.
/// <para>
/// Why not <c>ILogger</c>: a REPORT line per invocation through the console logger cost about 3 µs of
/// CPU and 1.1 KB of garbage (16 µs with its JSON formatter), 1.5–2 % of a trivial function's request on
/// its own; this writer formats straight to UTF-8 in a reused buffer (benchmarks/load/README.md).
/// </para>
/// Not thread-safe: <see cref="NodeFunctionLogSink"/> calls it under its drain lock.
/// </summary>
internal sealed class JsonLinesFunctionLogWriter
{
    /// <summary>
    /// The most bytes written at once. A write of up to PIPE_BUF (4096 bytes on Linux) to a pipe is atomic,
    /// so chunks of whole lines no bigger than this never interleave with another process's writes to the
    /// same pipe (a process manager's shared log pipe). A single longer line is written alone.
    /// </summary>
    internal const int ChunkBytes = 4096;

    private static readonly JsonWriterOptions Options = new()
    {
        // A log line is not HTML: keep <, >, &, ' and non-ASCII text readable; quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText NodeId = JsonEncodedText.Encode("nodeId");
    private static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText RequestId = JsonEncodedText.Encode("requestId");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    private readonly Stream _output;
    private readonly object _outputLock;
    private readonly JsonEncodedText _nodeId;
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly ArrayBufferWriter<byte> _chunk = new(ChunkBytes);
    private readonly Utf8JsonWriter _json;
    private int _chunkLines;
    private long _linesLost;

    /// <param name="output">Standard output in the node; any stream in tests.</param>
    /// <param name="outputLock">
    /// What else writing to <paramref name="output"/> holds while it writes: in the node, <c>Console.Out</c>.
    /// The console logger writes a message with one <c>Console.Out.Write</c>, which the runtime's synchronized
    /// writer holds its own lock for, and which reaches standard output in pieces of its 256-character
    /// buffer; a chunk written between two of those pieces would land inside the logger's line. The runtime
    /// locks on the writer itself so that other console writers can do the same (dotnet/runtime#2855).
    /// </param>
    public JsonLinesFunctionLogWriter(Stream output, string nodeId, object? outputLock = null)
    {
        _output = output;
        _outputLock = outputLock ?? new object();
        _nodeId = JsonEncodedText.Encode(nodeId, Options.Encoder);
        _json = new Utf8JsonWriter(_line, Options);
    }

    /// <summary>Lines that could not be written (standard output closed or failing); read from any thread.</summary>
    public long LinesLost => Interlocked.Read(ref _linesLost);

    /// <summary>Adds one line to the current chunk, writing the chunk first when the line would not fit in it.</summary>
    public void Write(in FunctionLogRecord record)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        _json.WriteStartObject();
        _json.WriteString(Timestamp, record.Timestamp);
        _json.WriteString(Level, record.Level);
        _json.WriteString(NodeId, _nodeId);
        _json.WriteString(Function, record.FunctionName);
        _json.WriteString(Version, record.FunctionVersion);
        _json.WriteString(Event, record.EventType);
        _json.WriteString(RequestId, record.RequestId);
        record.WriteMessage(_json, Message);
        _json.WriteEndObject();
        _json.Flush();
        _line.Write("\n"u8);

        if (_chunk.WrittenCount + _line.WrittenCount > ChunkBytes)
        {
            WriteChunk();
        }
        if (_line.WrittenCount > ChunkBytes)
        {
            Output(_line.WrittenSpan, 1);
            return;
        }
        _chunk.Write(_line.WrittenSpan);
        _chunkLines++;
    }

    /// <summary>Writes the lines gathered so far; called at the end of each burst.</summary>
    public void Flush()
    {
        WriteChunk();
        try
        {
            _output.Flush();
        }
        catch (IOException)
        {
        }
    }

    private void WriteChunk()
    {
        if (_chunk.WrittenCount > 0)
        {
            Output(_chunk.WrittenSpan, _chunkLines);
            _chunk.ResetWrittenCount();
            _chunkLines = 0;
        }
    }

    private void Output(ReadOnlySpan<byte> bytes, int lines)
    {
        try
        {
            lock (_outputLock)
            {
                _output.Write(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Standard output gone (a closed pipe): there is nowhere left to say so; the lines are counted,
            // and with a regional origin they are shipped all the same.
            Interlocked.Add(ref _linesLost, lines);
        }
    }
}
