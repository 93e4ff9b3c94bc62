using System.Buffers;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// Records as the body of <c>POST /v1/edge/logs</c>:
/// <c>{"batchId":"{nodeId}:{guid}","nodeId",…,"records":[{time, sequence, requestId, account, function, version, event, level, message}]}</c>.
/// Built once and resent as it is, so every retry carries the same id and the origin can drop duplicates.
/// </summary>
internal sealed class LogBatch
{
    /// <summary>Lambda cuts log lines at 256 KB; the regional origin refuses longer ones, so they are cut here first.</summary>
    public const int MaxMessageChars = 256 * 1024;

    private static readonly JsonEncodedText MessageProperty = JsonEncodedText.Encode("message");

    private LogBatch(string batchId, ReadOnlyMemory<byte> body, int records)
    {
        BatchId = batchId;
        Body = body;
        Records = records;
    }

    public string BatchId { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public int Records { get; }

    /// <summary>
    /// Writes the batch into <paramref name="body"/>, emptied first, whose memory the batch then shows as its
    /// <see cref="Body"/> until the buffer is used for the next one. The shipper has one batch in flight at a
    /// time and so reuses one buffer: a batch is some 200 KB, and a new array for each went to the large
    /// object heap, three times a second at 1,700 lines a second, each filling it closer to a full collection.
    /// </summary>
    public static LogBatch Create(string nodeId, IReadOnlyList<ShippedLogRecord> records, ArrayBufferWriter<byte> body)
    {
        var batchId = nodeId + ":" + Guid.NewGuid().ToString("N");
        body.ResetWrittenCount();
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("batchId", batchId);
        json.WriteString("nodeId", nodeId);
        json.WriteStartArray("records");
        foreach (var (sequence, r) in records)
        {
            json.WriteStartObject();
            json.WriteString("time", r.Timestamp.UtcDateTime);
            json.WriteNumber("sequence", sequence);
            json.WriteString("requestId", r.RequestId);
            json.WriteString("account", r.Account);
            json.WriteString("function", r.FunctionName);
            json.WriteString("version", r.FunctionVersion);
            json.WriteString("event", r.EventType);
            json.WriteString("level", r.Level);
            r.WriteMessage(json, MessageProperty, MaxMessageChars);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return new LogBatch(batchId, body.WrittenMemory, records.Count);
    }
}
