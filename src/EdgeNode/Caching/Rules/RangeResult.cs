namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>The range to send: for <see cref="RangeOutcome.Full"/> the whole body, for NotSatisfiable nothing.</summary>
internal readonly record struct RangeResult(RangeOutcome Outcome, long Start, long Length)
{
    /// <summary>Last byte position, for <c>Content-Range: bytes Start-End/length</c>.</summary>
    public long End => Start + Length - 1;
}
