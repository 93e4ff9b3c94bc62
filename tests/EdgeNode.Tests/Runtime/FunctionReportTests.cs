using System.Buffers;
using System.Text.Json;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>The REPORT line written from its figures, when a sink reads it, in Lambda's shape.</summary>
public sealed class FunctionReportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Format_WarmInvocation_LambdasFields()
    {
        var report = new FunctionReport(TimeSpan.FromTicks(12_345), 2, 128, 4, TimeSpan.Zero, null);

        Assert.Equal("REPORT RequestId: req-1\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 4 MB",
            report.Format("req-1"));
    }

    [Fact]
    public void Format_ColdCloudFrontFunction_InitDurationAndComputeUtilization()
    {
        var report = new FunctionReport(TimeSpan.FromTicks(5_000), 1, 2, 1, TimeSpan.FromTicks(41_255), 50);

        Assert.Equal("REPORT RequestId: r\tDuration: 0.50 ms\tBilled Duration: 1 ms\tMemory Size: 2 MB\tMax Memory Used: 1 MB" +
            "\tInit Duration: 4.13 ms\tCompute Utilization: 50", report.Format("r"));
    }

    [Fact]
    public void TryFormat_DestinationTooShort_FalseAndNothingCounted()
    {
        var report = new FunctionReport(TimeSpan.FromTicks(5_000), 1, 2, 1, TimeSpan.FromTicks(41_255), 50);

        Assert.False(report.TryFormat(new char[100], "r", out var written));
        Assert.Equal(0, written);
        var line = new char[300];
        Assert.True(report.TryFormat(line, "r", out written));
        Assert.Equal(report.Format("r"), new string(line, 0, written));
    }

    [Fact]
    public void Format_RequestIdLongerThanTheStackBuffer_WholeLine()
    {
        var id = new string('a', 1000);
        var report = new FunctionReport(TimeSpan.FromTicks(12_345), 2, 128, 4, TimeSpan.FromTicks(41_255), 7);

        Assert.Equal($"REPORT RequestId: {id}\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 4 MB" +
            "\tInit Duration: 4.13 ms\tCompute Utilization: 7", report.Format(id));
    }

    [Theory]
    [InlineData("uIp6bk73HisFc_tMvVhdF2G3mA-jTFaR8WKqAVsJ0pPsoJGyO2mZnA==")]
    [InlineData("id with \"quotes\" and \\ backslash")]
    [InlineData("id-ünïcödé-\u2028")]
    public void WriteMessage_Report_JsonStringIsTheLine(string requestId)
    {
        var report = new FunctionReport(TimeSpan.FromTicks(12_345), 2, 128, 4, TimeSpan.FromTicks(41_255), 7);
        var record = FunctionLogRecord.ForReport(At, "fn", "1", "viewer-request", requestId, report, "111111111111");
        var body = new ArrayBufferWriter<byte>();

        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            record.WriteMessage(json, JsonEncodedText.Encode("message"));
            json.WriteString("after", "x");
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(body.WrittenMemory);
        Assert.Equal(report.Format(requestId), document.RootElement.GetProperty("message").GetString());
        Assert.Equal("x", document.RootElement.GetProperty("after").GetString());
    }

    [Fact]
    public void WriteMessage_LongLine_CutAtTheLimit()
    {
        var record = new FunctionLogRecord(At, "fn", "1", "viewer-request", "req-9", "INFO", new string('z', 50));
        var body = new ArrayBufferWriter<byte>();

        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            record.WriteMessage(json, JsonEncodedText.Encode("message"), maxChars: 10);
            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(body.WrittenMemory);
        Assert.Equal(new string('z', 10), document.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void ForReport_MessageIsTheLine_OtherRecordsKeepTheirText()
    {
        var report = new FunctionReport(TimeSpan.FromMilliseconds(3), 3, 128, 1, TimeSpan.Zero, null);

        var record = FunctionLogRecord.ForReport(At, "fn", "1", "viewer-request", "req-9", report, "111111111111");
        var line = new FunctionLogRecord(At, "fn", "1", "viewer-request", "req-9", "INFO", "hello");

        Assert.Equal("REPORT", record.Level);
        Assert.Equal(report.Format("req-9"), record.Message);
        Assert.Equal("hello", line.Message);
        Assert.Null(line.Report);
    }
}
