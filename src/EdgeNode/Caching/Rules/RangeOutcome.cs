namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>How a stored full response answers a request's Range.</summary>
internal enum RangeOutcome
{
    /// <summary>Send the whole representation (200): no Range, an ignorable one, several ranges, or If-Range failed.</summary>
    Full,

    /// <summary>Send one byte range (206 with Content-Range).</summary>
    Partial,

    /// <summary>416 with <c>Content-Range: bytes */length</c>.</summary>
    NotSatisfiable,
}
