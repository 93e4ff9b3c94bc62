using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// A batch of function log lines as the body of <c>POST /v1/edge/logs</c>:
/// <c>{"batchId":"{nodeId}:{guid}","nodeId":…,"records":[{"sequence":…, …the node log's line…}, …]}</c>.
/// Each record is the node log's JSON object for the line (<c>Runtime/FunctionLogLineFormatter</c>) with
/// this node's sequence number spliced in front: a line is formatted once, and shipping it is a copy.
/// Filled by <see cref="LogBuffer"/>, then sealed and resent as it is, so every retry carries the same id
/// and the origin can drop duplicates.
/// </summary>
internal sealed class LogBatch
{
    private static readonly byte[] SequencePrefix = "{\"sequence\":"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _body;

    private LogBatch(string batchId, ArrayBufferWriter<byte> body)
    {
        BatchId = batchId;
        _body = body;
    }

    public string BatchId { get; }

    /// <summary>The JSON body; complete once <see cref="IsSealed"/>.</summary>
    public ReadOnlyMemory<byte> Body => _body.WrittenMemory;

    public int Records { get; private set; }

    public bool IsSealed { get; private set; }

    /// <summary>The buffer the body is written in, for the next batch once this one is done with.</summary>
    internal ArrayBufferWriter<byte> Buffer => _body;

    /// <summary>Opens a batch with a new id in <paramref name="body"/>, emptied first.</summary>
    public static LogBatch Open(string nodeId, JsonEncodedText nodeIdJson, ArrayBufferWriter<byte> body)
    {
        var batchId = nodeId + ":" + Guid.NewGuid().ToString("N");
        body.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("batchId", batchId);
            json.WriteString("nodeId", nodeIdJson);
            json.WriteStartArray("records");
            json.Flush();
        }
        // The writer would close the array and the object itself on a later write; the records are copied in raw.
        return new LogBatch(batchId, body);
    }

    /// <summary>Adds <paramref name="line"/> (a JSON object with at least one property) as a record with <paramref name="sequence"/>.</summary>
    public void Append(long sequence, ReadOnlySpan<byte> line)
    {
        Debug.Assert(!IsSealed && line.Length > 2 && line[0] == (byte)'{', "a line is a JSON object with properties");
        var span = _body.GetSpan(1 + SequencePrefix.Length + 20 + line.Length);
        var at = 0;
        if (Records > 0)
        {
            span[at++] = (byte)',';
        }
        SequencePrefix.CopyTo(span[at..]);
        at += SequencePrefix.Length;
        sequence.TryFormat(span[at..], out var digits);
        at += digits;
        span[at++] = (byte)',';
        line[1..].CopyTo(span[at..]);
        _body.Advance(at + line.Length - 1);
        Records++;
    }

    /// <summary>Closes the records array and the body.</summary>
    public void Seal()
    {
        _body.Write("]}"u8);
        IsSealed = true;
    }
}
