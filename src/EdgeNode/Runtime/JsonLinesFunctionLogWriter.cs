using System.Buffers;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Writes function log lines to the node's log as JSON lines (<see cref="NodeLogFormat.Json"/>): each the
/// object <see cref="FunctionLogLineFormatter"/> writes, one per line. Lines are gathered and written in
/// chunks of whole lines, one write each, when <see cref="Flush"/> is called at the end of a burst.
/// <para>
/// Why not <c>ILogger</c>: a REPORT line per invocation through the console logger cost about 3 µs of
/// CPU and 1.1 KB of garbage (16 µs with its JSON formatter), 1.5–2 % of a trivial function's request on
/// its own; this writer takes lines already in UTF-8 into a reused buffer (benchmarks/load/README.md).
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

    private readonly Stream _output;
    private readonly object _outputLock;
    private readonly ArrayBufferWriter<byte> _chunk = new(ChunkBytes);
    private int _chunkLines;
    private long _linesLost;

    /// <param name="output">Standard output in the node; any stream in tests.</param>
    /// <param name="formatter">Writes each line's JSON; the sink formats with it too (<see cref="Formatter"/>).</param>
    /// <param name="outputLock">
    /// What else writing to <paramref name="output"/> holds while it writes: in the node, <c>Console.Out</c>.
    /// The console logger writes a message with one <c>Console.Out.Write</c>, which the runtime's synchronized
    /// writer holds its own lock for, and which reaches standard output in pieces of its 256-character
    /// buffer; a chunk written between two of those pieces would land inside the logger's line. The runtime
    /// locks on the writer itself so that other console writers can do the same (dotnet/runtime#2855).
    /// </param>
    public JsonLinesFunctionLogWriter(Stream output, FunctionLogLineFormatter formatter, object? outputLock = null)
    {
        _output = output;
        Formatter = formatter;
        _outputLock = outputLock ?? new object();
    }

    /// <summary>A writer with its own formatter for node <paramref name="nodeId"/>.</summary>
    public JsonLinesFunctionLogWriter(Stream output, string nodeId, object? outputLock = null)
        : this(output, new FunctionLogLineFormatter(nodeId), outputLock)
    {
    }

    public FunctionLogLineFormatter Formatter { get; }

    /// <summary>Lines that could not be written (standard output closed or failing); read from any thread.</summary>
    public long LinesLost => Interlocked.Read(ref _linesLost);

    /// <summary>Formats <paramref name="record"/> and adds it to the current chunk.</summary>
    public void Write(in FunctionLogRecord record) => WriteLine(Formatter.Format(record));

    /// <summary>
    /// Adds one line (a JSON object, see <see cref="FunctionLogLineFormatter"/>) to the current chunk, writing
    /// the chunk first when the line would not fit in it.
    /// </summary>
    public void WriteLine(ReadOnlySpan<byte> line)
    {
        if (_chunk.WrittenCount + line.Length + 1 > ChunkBytes)
        {
            WriteChunk();
        }
        _chunk.Write(line);
        _chunk.Write("\n"u8);
        _chunkLines++;
        if (_chunk.WrittenCount > ChunkBytes)
        {
            // One line longer than a chunk: written alone, in one write.
            WriteChunk();
        }
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
