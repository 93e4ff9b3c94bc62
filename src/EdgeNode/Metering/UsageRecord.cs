namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// One function invocation as billing sees it (docs/usage-contract.md, "What a node meters"): one JSON
/// line in a spool segment, one element of a report batch.
/// </summary>
internal sealed record UsageRecord(
    string Account,
    string Function,
    string Version,
    string Event,
    string Style,
    string Engine,
    string Outcome,
    double DurationMs,
    long BilledDurationMs,
    int MemoryMb,
    DateTimeOffset Time)
{
    public const string LambdaEdgeStyle = "lambda-edge";
    public const string CloudFrontFunctionsStyle = "cloudfront-functions";
}
