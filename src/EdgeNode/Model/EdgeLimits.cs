namespace EdgeCompute.EdgeNode.Model;

/// <summary>Lambda@Edge's quotas (DESIGN §3), per event class.</summary>
public static class EdgeLimits
{
    public static readonly TimeSpan ViewerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>CloudFront Functions' CPU budget per invocation; compute utilisation is measured against it.</summary>
    public static readonly TimeSpan CloudFrontFunctionsBudget = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan OriginTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Request body bytes shown to viewer-request functions with includeBody.</summary>
    public const int ViewerBodyLimit = 40 * 1024;

    /// <summary>Request body bytes shown to origin-request functions with includeBody.</summary>
    public const int OriginBodyLimit = 1024 * 1024;

    /// <summary>Headers plus body of a generated response, viewer events.</summary>
    public const int ViewerGeneratedResponseLimit = 40 * 1024;

    /// <summary>Headers plus body of a generated response, origin events.</summary>
    public const int OriginGeneratedResponseLimit = 1024 * 1024;

    public const int ViewerCodeSizeLimit = 1024 * 1024;
    public const int OriginCodeSizeLimit = 50 * 1024 * 1024;

    /// <summary>CloudFront Functions: the function's code, at most 10 KB (DESIGN §3).</summary>
    public const int CloudFrontFunctionCodeSizeLimit = 10 * 1024;

    public static TimeSpan MaxTimeout(EdgeEventType type) => type.IsOriginEvent() ? OriginTimeout : ViewerTimeout;

    public static int BodyLimit(EdgeEventType type) => type.IsOriginEvent() ? OriginBodyLimit : ViewerBodyLimit;

    public static int GeneratedResponseLimit(EdgeEventType type) =>
        type.IsOriginEvent() ? OriginGeneratedResponseLimit : ViewerGeneratedResponseLimit;
}
