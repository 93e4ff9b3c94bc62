using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Runtime;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// The node log's default form for function lines: a JSON object per line, written in chunks of whole
/// lines that a pipe takes atomically and that never land inside the console logger's lines, each line
/// with the fields an operator filters on.
/// </summary>
public sealed class JsonLinesFunctionLogWriterTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Flush_Lines_OneJsonObjectPerLineWithEveryField()
    {
        var output = new RecordingStream();
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");

        writer.Write(Line("INFO", "hello \"quoted\" <b>é</b>\tand\nnext"));
        writer.Write(FunctionLogRecord.ForReport(Time, "f", "3", "viewer-request", "req-2",
            new FunctionReport(TimeSpan.FromMilliseconds(1.234), 2, 128, 20, TimeSpan.Zero, null), "000000000000"));
        writer.Flush();

        var lines = output.Text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        using var first = JsonDocument.Parse(lines[0]);
        var line = first.RootElement;
        Assert.Equal(["timestamp", "level", "nodeId", "account", "function", "version", "event", "requestId", "message"],
            line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Time, line.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("node-a", line.GetProperty("nodeId").GetString());
        Assert.Equal("000000000000", line.GetProperty("account").GetString());
        Assert.Equal("f", line.GetProperty("function").GetString());
        Assert.Equal("3", line.GetProperty("version").GetString());
        Assert.Equal("viewer-request", line.GetProperty("event").GetString());
        Assert.Equal("req-1", line.GetProperty("requestId").GetString());
        Assert.Equal("hello \"quoted\" <b>é</b>\tand\nnext", line.GetProperty("message").GetString());
        // Readable as text too: markup and non-ASCII letters are not escaped.
        Assert.Contains("<b>é</b>", lines[0], StringComparison.Ordinal);

        using var report = JsonDocument.Parse(lines[1]);
        Assert.Equal("REPORT", report.RootElement.GetProperty("level").GetString());
        Assert.Equal("REPORT RequestId: req-2\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB",
            report.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void Flush_MessageWithALoneSurrogate_WrittenWithAReplacementCharacter()
    {
        // JavaScript strings may hold half a surrogate pair; console.log passes it on as it is.
        var output = new RecordingStream();
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");

        writer.Write(Line("INFO", "half \ud83d pair"));
        writer.Flush();

        var message = JsonDocument.Parse(output.Text.TrimEnd('\n')).RootElement.GetProperty("message").GetString();
        Assert.Equal("half \ufffd pair", message);
    }

    [Fact]
    public void Write_BeforeFlush_NothingWrittenUntilAChunkIsFull()
    {
        var output = new RecordingStream();
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");

        writer.Write(Line("INFO", "one"));
        writer.Write(Line("INFO", "two"));

        Assert.Empty(output.Writes);
        writer.Flush();
        Assert.Single(output.Writes);
    }

    [Fact]
    public void Flush_ManyLines_EachWriteWholeLinesOfAtMostAChunk()
    {
        var output = new RecordingStream();
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");

        for (var i = 0; i < 200; i++)
        {
            writer.Write(Line("INFO", $"line {i} " + new string('x', i)));
        }
        writer.Flush();

        Assert.True(output.Writes.Count > 1);
        Assert.All(output.Writes, write =>
        {
            Assert.True(write.Length <= JsonLinesFunctionLogWriter.ChunkBytes, $"a write of {write.Length} bytes");
            Assert.Equal((byte)'\n', write[^1]);
        });
        var messages = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString());
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"line {i} " + new string('x', i)), messages);
    }

    [Fact]
    public void Write_LineLongerThanAChunk_WrittenAloneAfterTheLinesBeforeIt()
    {
        var output = new RecordingStream();
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");
        var longText = new string('y', 3 * JsonLinesFunctionLogWriter.ChunkBytes);

        writer.Write(Line("INFO", "before"));
        writer.Write(Line("INFO", longText));
        writer.Write(Line("INFO", "after"));
        writer.Flush();

        Assert.Equal(3, output.Writes.Count);
        Assert.Equal(["before", longText, "after"], output.Writes.Select(w =>
            JsonDocument.Parse(Encoding.UTF8.GetString(w)).RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public void Write_MessageLongerThanLambdasLimit_CutToIt()
    {
        var output = new RecordingStream();
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");

        writer.Write(Line("INFO", new string('x', FunctionLogLineFormatter.MaxMessageChars + 10)));
        writer.Flush();

        using var line = JsonDocument.Parse(output.Text);
        Assert.Equal(FunctionLogLineFormatter.MaxMessageChars, line.RootElement.GetProperty("message").GetString()!.Length);
    }

    [Fact]
    public void Flush_OutputClosed_LinesCountedAsLostWithoutThrowing()
    {
        var output = new RecordingStream { Fails = true };
        var writer = new JsonLinesFunctionLogWriter(output, "node-a");

        writer.Write(Line("INFO", "one"));
        writer.Write(Line("INFO", "two"));
        writer.Flush();

        Assert.Equal(2, writer.LinesLost);
    }

    [Fact]
    public void Sink_OutputClosed_LostLinesCountedAsDropped()
    {
        var sink = JsonSink(new RecordingStream { Fails = true });

        sink.Write(Line("INFO", "one"));
        sink.Write(Line("INFO", "two"));
        sink.WritePending();

        Assert.Equal(2, sink.DroppedLines);
    }

    [Fact]
    public void Sink_JsonWriter_WritesOnlyLevelsTheLoggingConfigurationLetsThroughAndNothingToTheLogger()
    {
        var capture = new LogCapture();
        var factory = LoggerFactory.Create(b => b.AddProvider(capture).AddFilter("EdgeCompute.FunctionLogs", LogLevel.Warning));
        var output = new RecordingStream();
        var sink = new NodeFunctionLogSink(factory, new JsonLinesFunctionLogWriter(output, "node-a"));

        sink.Write(Line("INFO", "quiet"));
        sink.Write(Line("ERROR", "loud"));
        sink.Write(Line("REPORT", "report"));
        Assert.Empty(output.Writes);
        sink.WritePending();

        var line = Assert.Single(output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("loud", JsonDocument.Parse(line).RootElement.GetProperty("message").GetString());
        Assert.Empty(capture.InCategory(LogCapture.FunctionLogs));
    }

    [Fact]
    public void Sink_Shipping_EveryLevelShippedAsTheNodeLogsLineWithItsSequence_NodeLogKeepsItsLevels()
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(new LogCapture()).AddFilter("EdgeCompute.FunctionLogs", LogLevel.Warning));
        var output = new RecordingStream();
        var shipping = ShippingBuffer();
        var sink = new NodeFunctionLogSink(factory, new JsonLinesFunctionLogWriter(output, "node-a"), shipping);

        Assert.True(sink.IsEnabled("DEBUG"));
        sink.Write(Line("DEBUG", "quiet"));
        sink.Write(Line("ERROR", "loud"));
        sink.Write(FunctionLogRecord.ForReport(Time, "f", "3", "viewer-request", "req-2",
            new FunctionReport(TimeSpan.FromMilliseconds(1.5), 2, 128, 20, TimeSpan.Zero, null), "000000000000"));
        sink.WritePending();

        var nodeLine = Assert.Single(output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var body = JsonDocument.Parse(shipping.Take()!.Body);
        var records = body.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(["quiet", "loud", "REPORT RequestId: req-2\tDuration: 1.50 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB"],
            records.Select(r => r.GetProperty("message").GetString()));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.GetProperty("sequence").GetInt64()));
        // The shipped record is the node log's line, byte for byte, after its sequence number.
        Assert.Equal("{\"sequence\":2," + nodeLine[1..], records[1].GetRawText());
    }

    [Fact]
    public void Sink_ShippingWithTheLoggerFormat_LinesShippedAsJsonAndLoggedThroughTheLogger()
    {
        var capture = new LogCapture();
        var factory = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Information));
        var shipping = ShippingBuffer();
        var sink = new NodeFunctionLogSink(factory, json: null, shipping, new FunctionLogLineFormatter("node-a"));

        sink.Write(Line("INFO", "both"));
        sink.WritePending();

        Assert.EndsWith(" both", Assert.Single(capture.InCategory(LogCapture.FunctionLogs)).Message, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(shipping.Take()!.Body);
        var record = Assert.Single(body.RootElement.GetProperty("records").EnumerateArray().ToList());
        Assert.Equal("both", record.GetProperty("message").GetString());
        Assert.Equal("node-a", record.GetProperty("nodeId").GetString());
    }

    [Fact]
    public void Sink_ShippingAfterTheWriterStopped_LateLinesStillShipped()
    {
        var shipping = ShippingBuffer();
        var sink = new NodeFunctionLogSink(LoggerFactory.Create(b => b.AddProvider(new LogCapture())), new JsonLinesFunctionLogWriter(new RecordingStream(), "node-a"),
            shipping);
        sink.Write(Line("INFO", "queued"));

        sink.WriteDirectly();
        sink.Write(Line("INFO", "late"));

        using var body = JsonDocument.Parse(shipping.Take()!.Body);
        Assert.Equal(["queued", "late"], body.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("message").GetString()));
    }

    [Fact]
    public void Sink_JsonWriterAfterTheWriterStopped_EachLineWrittenAtOnce()
    {
        var output = new RecordingStream();
        var sink = JsonSink(output);
        sink.Write(Line("INFO", "queued"));

        sink.WriteDirectly();
        sink.Write(Line("INFO", "late"));

        Assert.Equal(2, output.Writes.Count);
        Assert.Equal(["queued", "late"], output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Flush_ConsoleLoggerWritingTheSameOutput_NoChunkLandsInsideItsLine()
    {
        // Console.Out as the runtime makes it: a synchronized writer over a 256-character buffer, so one
        // long Write reaches the stream in pieces. The console logger writes each message that way.
        var output = new RecordingStream { YieldAfterWrite = true };
        var console = TextWriter.Synchronized(new StreamWriter(output, new UTF8Encoding(false), 256) { AutoFlush = true });
        var writer = new JsonLinesFunctionLogWriter(output, "node-a", console);
        var loggerLine = "info: Host[0] " + new string('x', 3000);

        var logger = Task.Run(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                console.Write(loggerLine + "\n");
            }
        });
        // Bursts of function lines for as long as the logger writes, so that the two overlap.
        var bursts = 0;
        while (!logger.IsCompleted)
        {
            for (var i = 0; i < 20; i++)
            {
                writer.Write(Line("INFO", $"burst {bursts} line {i}"));
            }
            writer.Flush();
            bursts++;
        }
        await logger;

        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(bursts > 1, "the function lines' bursts did not overlap the logger's lines");
        Assert.Equal(20, lines.Count(l => l == loggerLine));
        Assert.All(lines.Where(l => l != loggerLine), l => Assert.Equal("INFO", JsonDocument.Parse(l).RootElement.GetProperty("level").GetString()));
        Assert.Equal(20 + bursts * 20, lines.Length);
    }

    private static LogBuffer ShippingBuffer() =>
        new(Options.Create(new LogShippingOptions()), "node-a", new Logger<LogBuffer>(LoggerFactory.Create(_ => { })));

    // The levels come from the logger's configuration, which needs a provider to say yes.
    private static NodeFunctionLogSink JsonSink(Stream output) =>
        new(LoggerFactory.Create(b => b.AddProvider(new LogCapture()).SetMinimumLevel(LogLevel.Information)),
            new JsonLinesFunctionLogWriter(output, "node-a"));

    private static FunctionLogRecord Line(string level, string message) =>
        new(Time, "f", "3", "viewer-request", "req-1", level, message, "000000000000");

    /// <summary>Keeps each write apart, as the pipe behind standard output sees them.</summary>
    private sealed class RecordingStream : Stream
    {
        public List<byte[]> Writes { get; } = [];

        public bool Fails { get; init; }

        /// <summary>Gives the other writer's thread its turn after each write, as a pipe's reader would.</summary>
        public bool YieldAfterWrite { get; init; }

        public string Text => Encoding.UTF8.GetString(Writes.SelectMany(w => w).ToArray());

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Fails)
            {
                throw new IOException("Broken pipe");
            }
            lock (Writes)
            {
                Writes.Add(buffer.ToArray());
            }
            if (YieldAfterWrite)
            {
                Thread.Sleep(1);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
