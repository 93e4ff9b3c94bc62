using System.Buffers;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// One sealed segment as the body of <c>POST /v1/edge/usage</c>:
/// <c>{"batchId":"{nodeId}:{segment guid}","nodeId",…,"records":[…]}</c>. The segment's lines go in
/// as they are (they are the records' JSON); a line that is not a JSON object — torn by a disk error —
/// is left out rather than have the whole batch refused.
/// </summary>
internal sealed class UsageBatch
{
    private UsageBatch(string batchId, ReadOnlyMemory<byte> body, int records, int skipped)
    {
        BatchId = batchId;
        Body = body;
        Records = records;
        Skipped = skipped;
    }

    /// <summary><c>{nodeId}:{segment guid}</c>: the same for every retry of the segment, from any process.</summary>
    public string BatchId { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public int Records { get; }

    /// <summary>Lines left out because they are not JSON objects.</summary>
    public int Skipped { get; }

    public static string BatchIdFor(string nodeId, string segmentPath) => nodeId + ":" + Path.GetFileNameWithoutExtension(segmentPath);

    /// <summary>
    /// Reads the segment into <paramref name="content"/> and writes the batch into <paramref name="body"/>, both
    /// emptied first; the batch shows <paramref name="body"/>'s memory until it is used again. The reporter sends
    /// one segment at a time and so reuses the two: a segment of 1,000 records is some 230 KB, and new arrays
    /// for each went to the large object heap every few hundred milliseconds under load.
    /// </summary>
    public static async Task<UsageBatch> ReadAsync(string nodeId, string segmentPath, ArrayBufferWriter<byte> content,
        ArrayBufferWriter<byte> body, CancellationToken cancellationToken)
    {
        content.ResetWrittenCount();
        await using (var file = new FileStream(segmentPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true))
        {
            int read;
            while ((read = await file.ReadAsync(content.GetMemory((int)Math.Max(4096, file.Length - content.WrittenCount)), cancellationToken)) > 0)
            {
                content.Advance(read);
            }
        }
        return Write(BatchIdFor(nodeId, segmentPath), nodeId, content.WrittenSpan, body);
    }

    private static UsageBatch Write(string batchId, string nodeId, ReadOnlySpan<byte> content, ArrayBufferWriter<byte> body)
    {
        body.ResetWrittenCount();
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("batchId", batchId);
        json.WriteString("nodeId", nodeId);
        json.WriteStartArray("records");
        int records = 0, skipped = 0;
        while (!content.IsEmpty)
        {
            var newline = content.IndexOf((byte)'\n');
            var line = newline < 0 ? content : content[..newline];
            content = newline < 0 ? default : content[(newline + 1)..];
            if (IsJsonObject(line))
            {
                json.WriteRawValue(line, skipInputValidation: true);
                records++;
            }
            else if (!line.IsEmpty)
            {
                skipped++;
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return new UsageBatch(batchId, body.WrittenMemory, records, skipped);
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
