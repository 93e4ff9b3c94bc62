using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// The figures of one invocation's REPORT line, taken when it ends. The line itself is written only when
/// a sink reads it (<see cref="FunctionLogRecord.Message"/>): in the node log's burst and in the shipper's
/// batch, not on the request's thread. Formatted there, the line cost a trivial function's request about
/// 4 % more node CPU (benchmarks/load/README.md, "Metrics and function logs").
/// </summary>
public readonly record struct FunctionReport(
    TimeSpan Duration,
    long BilledDurationMs,
    int MemorySizeMb,
    ulong MaxMemoryUsedMb,
    TimeSpan InitDuration,
    int? ComputeUtilization)
{
    // What a request id may hold to be written into a JSON string as it is: printable ASCII but the
    // quote and the backslash. The node's own ids (base64url) always are.
    private static readonly SearchValues<char> PlainJson =
        SearchValues.Create(string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    /// <summary>Lambda's REPORT line, with CloudFront Functions' Compute Utilization when there is one.</summary>
    public string Format(string requestId)
    {
        // Besides the request id, the line is well under 512 bytes; a node's own id (56 characters) fits on the stack.
        var size = 512 + Encoding.UTF8.GetMaxByteCount(requestId.Length);
        Span<byte> line = size <= 1024 ? stackalloc byte[1024] : new byte[size];
        TryFormatUtf8(line, requestId, asJsonString: false, out var written);
        return Encoding.UTF8.GetString(line[..written]);
    }

    /// <summary>
    /// Writes the REPORT line in UTF-8 into <paramref name="destination"/>: as its text, or with
    /// <paramref name="asJsonString"/> as a JSON string (in quotes, each tab as <c>\t</c>), which the JSON
    /// node log and the shipper's batches write as it is, with no string or escaping pass of their own.
    /// False when it does not fit, or, as a JSON string, when the request id would need escaping (the
    /// caller then writes <see cref="Format"/>'s text through its JSON writer).
    /// </summary>
    public bool TryFormatUtf8(Span<byte> destination, string requestId, bool asJsonString, out int bytesWritten)
    {
        bytesWritten = 0;
        if (asJsonString && requestId.AsSpan().ContainsAnyExcept(PlainJson))
        {
            return false;
        }
        var tab = asJsonString ? "\\t"u8 : "\t"u8;
        var quote = asJsonString ? "\""u8 : default;
        var invariant = CultureInfo.InvariantCulture;
        // "F2" writes what Lambda's "0.00" does, without parsing a custom format each time.
        if (!Utf8.TryWrite(destination, invariant,
                $"{quote}REPORT RequestId: {requestId}{tab}Duration: {Duration.TotalMilliseconds:F2} ms{tab}Billed Duration: {BilledDurationMs} ms{tab}Memory Size: {MemorySizeMb} MB{tab}Max Memory Used: {MaxMemoryUsedMb} MB",
                out var written))
        {
            return false;
        }
        if (InitDuration > TimeSpan.Zero)
        {
            if (!Utf8.TryWrite(destination[written..], invariant, $"{tab}Init Duration: {InitDuration.TotalMilliseconds:F2} ms", out var more))
            {
                return false;
            }
            written += more;
        }
        if (ComputeUtilization is { } utilization)
        {
            if (!Utf8.TryWrite(destination[written..], invariant, $"{tab}Compute Utilization: {utilization}", out var more))
            {
                return false;
            }
            written += more;
        }
        if (!quote.TryCopyTo(destination[written..]))
        {
            return false;
        }
        bytesWritten = written + quote.Length;
        return true;
    }
}
