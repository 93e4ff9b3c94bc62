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

    public static async Task<UsageBatch> ReadAsync(string nodeId, string segmentPath, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(segmentPath, cancellationToken);
        var batchId = BatchIdFor(nodeId, segmentPath);
        var body = new ArrayBufferWriter<byte>(content.Length + 256);
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("batchId", batchId);
        json.WriteString("nodeId", nodeId);
        json.WriteStartArray("records");
        int records = 0, skipped = 0;
        foreach (var range in Lines(content))
        {
            var line = content.AsSpan(range);
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

    private static IEnumerable<Range> Lines(byte[] content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var newline = Array.IndexOf(content, (byte)'\n', start);
            var end = newline < 0 ? content.Length : newline;
            yield return start..end;
            start = end + 1;
        }
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
