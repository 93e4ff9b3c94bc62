namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>The two function styles a usage record names; they are priced differently.</summary>
internal static class UsageStyles
{
    public const string LambdaEdge = "lambda-edge";
    public const string CloudFrontFunctions = "cloudfront-functions";

    public static bool IsKnown(string? style) => style is LambdaEdge or CloudFrontFunctions;
}
