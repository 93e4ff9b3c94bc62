using System.Globalization;

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
    /// <summary>Lambda's REPORT line, with CloudFront Functions' Compute Utilization when there is one.</summary>
    public string Format(string requestId)
    {
        Span<char> line = stackalloc char[256];
        return TryFormat(line, requestId, out var written) ? new string(line[..written]) : FormatLong(requestId);
    }

    /// <summary>
    /// Writes the REPORT line into <paramref name="destination"/>, so that a sink can write it on without a
    /// string of its own (the JSON node log); false when it does not fit.
    /// </summary>
    public bool TryFormat(Span<char> destination, string requestId, out int charsWritten)
    {
        var invariant = CultureInfo.InvariantCulture;
        charsWritten = 0;
        // "F2" writes what Lambda's "0.00" does, without parsing a custom format each time.
        if (!destination.TryWrite(invariant,
                $"REPORT RequestId: {requestId}\tDuration: {Duration.TotalMilliseconds:F2} ms\tBilled Duration: {BilledDurationMs} ms\tMemory Size: {MemorySizeMb} MB\tMax Memory Used: {MaxMemoryUsedMb} MB",
                out var written))
        {
            return false;
        }
        if (InitDuration > TimeSpan.Zero)
        {
            if (!destination[written..].TryWrite(invariant, $"\tInit Duration: {InitDuration.TotalMilliseconds:F2} ms", out var more))
            {
                return false;
            }
            written += more;
        }
        if (ComputeUtilization is { } utilization)
        {
            if (!destination[written..].TryWrite(invariant, $"\tCompute Utilization: {utilization}", out var more))
            {
                return false;
            }
            written += more;
        }
        charsWritten = written;
        return true;
    }

    // Node request ids are 56 characters; this is for a longer one. Besides the id, the line's text and
    // figures are well under 512 characters.
    private string FormatLong(string requestId)
    {
        var line = new char[512 + requestId.Length];
        TryFormat(line, requestId, out var written);
        return new string(line, 0, written);
    }
}
