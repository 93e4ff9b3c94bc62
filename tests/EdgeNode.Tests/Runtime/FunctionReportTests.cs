using System.Buffers;
using System.Text;
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
    public void TryFormatUtf8_DestinationTooShort_FalseAndNothingCounted()
    {
        var report = new FunctionReport(TimeSpan.FromTicks(5_000), 1, 2, 1, TimeSpan.FromTicks(41_255), 50);

        Assert.False(report.TryFormatUtf8(new byte[100], "r", asJsonString: false, out var written));
        Assert.Equal(0, written);
        // Room for all of the JSON string but its closing quote.
        Assert.True(report.TryFormatUtf8(new byte[300], "r", asJsonString: true, out var jsonLength));
        Assert.False(report.TryFormatUtf8(new byte[jsonLength - 1], "r", asJsonString: true, out written));
        Assert.Equal(0, written);
        var text = report.Format("r");
        var line = new byte[300];
        Assert.True(report.TryFormatUtf8(line, "r", asJsonString: false, out written));
        Assert.Equal(text, Encoding.UTF8.GetString(line, 0, written));
    }

    [Fact]
    public void TryFormatUtf8_AsJsonString_QuotedWithEscapedTabs()
    {
        var report = new FunctionReport(TimeSpan.FromTicks(12_345), 2, 128, 4, TimeSpan.Zero, null);
        var line = new byte[300];

        Assert.True(report.TryFormatUtf8(line, "req-1", asJsonString: true, out var written));

        Assert.Equal("\"REPORT RequestId: req-1\\tDuration: 1.23 ms\\tBilled Duration: 2 ms\\tMemory Size: 128 MB\\tMax Memory Used: 4 MB\"",
            Encoding.UTF8.GetString(line, 0, written));
        Assert.Equal(report.Format("req-1"), JsonSerializer.Deserialize<string>(line.AsSpan(0, written)));
    }

    [Theory]
    [InlineData("id with \"quotes\"")]
    [InlineData("back\\slash")]
    [InlineData("id-ünïcödé")]
    [InlineData("tab\there")]
    public void TryFormatUtf8_AsJsonString_IdThatNeedsEscaping_False(string requestId)
    {
        var report = new FunctionReport(TimeSpan.FromTicks(12_345), 2, 128, 4, TimeSpan.Zero, null);

        Assert.False(report.TryFormatUtf8(new byte[600], requestId, asJsonString: true, out var written));
        Assert.Equal(0, written);
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
