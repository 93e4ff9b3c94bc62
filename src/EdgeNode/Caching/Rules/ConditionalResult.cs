namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>Outcome of evaluating a viewer's preconditions against a stored response.</summary>
internal enum ConditionalResult
{
    /// <summary>Serve the stored response normally (no preconditions, or all passed).</summary>
    Proceed,

    /// <summary>Answer 304 with the stored response's validators and caching fields.</summary>
    NotModified,

    /// <summary>Answer 412.</summary>
    PreconditionFailed,
}
