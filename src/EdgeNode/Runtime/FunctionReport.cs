using System.Globalization;
using System.Runtime.CompilerServices;

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
        // "F2" writes what Lambda's "0.00" does, without parsing a custom format each time.
        var line = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        line.AppendLiteral("REPORT RequestId: ");
        line.AppendFormatted(requestId);
        line.AppendLiteral("\tDuration: ");
        line.AppendFormatted(Duration.TotalMilliseconds, "F2");
        line.AppendLiteral(" ms\tBilled Duration: ");
        line.AppendFormatted(BilledDurationMs);
        line.AppendLiteral(" ms\tMemory Size: ");
        line.AppendFormatted(MemorySizeMb);
        line.AppendLiteral(" MB\tMax Memory Used: ");
        line.AppendFormatted(MaxMemoryUsedMb);
        line.AppendLiteral(" MB");
        if (InitDuration > TimeSpan.Zero)
        {
            line.AppendLiteral("\tInit Duration: ");
            line.AppendFormatted(InitDuration.TotalMilliseconds, "F2");
            line.AppendLiteral(" ms");
        }
        if (ComputeUtilization is { } utilization)
        {
            line.AppendLiteral("\tCompute Utilization: ");
            line.AppendFormatted(utilization);
        }
        return line.ToStringAndClear();
    }
}
