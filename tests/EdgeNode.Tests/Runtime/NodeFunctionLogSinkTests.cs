using EdgeCompute.EdgeNode.Runtime;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>Function lines reach the node's log in bursts, in order, and none is lost at shutdown.</summary>
public sealed class NodeFunctionLogSinkTests
{
    private readonly LogCapture _capture = new();
    private readonly NodeFunctionLogSink _sink;

    public NodeFunctionLogSinkTests()
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(_capture).SetMinimumLevel(LogLevel.Information));
        _sink = new NodeFunctionLogSink(factory);
    }

    [Fact]
    public void Write_Lines_WaitForWritePendingThenComeInOrderWithLevels()
    {
        _sink.Write(Line("INFO", "one"));
        _sink.Write(Line("ERROR", "two"));
        _sink.Write(Line("REPORT", "three"));
        Assert.Empty(_capture.InCategory(LogCapture.FunctionLogs));

        _sink.WritePending();

        var lines = _capture.InCategory(LogCapture.FunctionLogs).ToList();
        Assert.Equal(["one", "two", "three"], lines.Select(e => e.Message.Split(' ')[^1]));
        Assert.Equal([LogLevel.Information, LogLevel.Error, LogLevel.Information], lines.Select(e => e.Level));
        Assert.StartsWith("f:3 viewer-request req-1 2026-11-28T12:00:00.0000000+00:00 ", lines[0].Message);
    }

    [Fact]
    public void Write_LevelBelowTheLogsMinimum_NotQueuedAndNotEnabled()
    {
        _sink.Write(Line("DEBUG", "quiet"));
        _sink.WritePending();

        Assert.Empty(_capture.InCategory(LogCapture.FunctionLogs));
        Assert.False(_sink.IsEnabled("DEBUG"));
        Assert.True(_sink.IsEnabled("REPORT"));
    }

    [Fact]
    public void WriteDirectly_AfterTheWriterStopped_QueuedAndLaterLinesAllWritten()
    {
        _sink.Write(Line("INFO", "queued"));

        _sink.WriteDirectly();
        _sink.Write(Line("INFO", "late"));

        Assert.Equal(["queued", "late"], _capture.InCategory(LogCapture.FunctionLogs).Select(e => e.Message.Split(' ')[^1]));
    }

    [Fact]
    public void Write_MoreThanTheQueueHolds_ExtraLinesCountedInOneWarning()
    {
        for (var i = 0; i < 100_003; i++)
        {
            _sink.Write(Line("INFO", "x"));
        }

        _sink.WritePending();
        _sink.WritePending();

        Assert.Equal(100_000, _capture.InCategory(LogCapture.FunctionLogs).Count(e => e.EventId.Id == 100));
        var warning = Assert.Single(_capture.InCategory(LogCapture.FunctionLogs), e => e.EventId.Id == 101);
        Assert.Equal("3 function log lines were left out of the node log: more than 100000 were waiting to be written", warning.Message);
    }

    private static FunctionLogRecord Line(string level, string message) =>
        new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), "f", "3", "viewer-request", "req-1", level, message, "000000000000");
}
