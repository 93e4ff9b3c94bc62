namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>The errors the node itself answers with, each with CloudFront's status and X-Cache value.</summary>
internal enum EdgeErrorKind
{
    FunctionValidation,
    FunctionExecution,
    FunctionLimit,
    OriginUnreachable,
    OriginTimeout,
    NoDistribution,
    MethodNotAllowed,
}
