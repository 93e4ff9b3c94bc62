namespace EdgeCompute.EdgeNode.Model;

/// <summary>The four CloudFront events a function can be bound to, in the order a request meets them.</summary>
public enum EdgeEventType
{
    ViewerRequest,
    OriginRequest,
    OriginResponse,
    ViewerResponse,
}

/// <summary>Wire names and per-event rules shared by config, events and limits.</summary>
public static class EdgeEventTypeExtensions
{
    public static string ToWireName(this EdgeEventType type) => type switch
    {
        EdgeEventType.ViewerRequest => "viewer-request",
        EdgeEventType.OriginRequest => "origin-request",
        EdgeEventType.OriginResponse => "origin-response",
        EdgeEventType.ViewerResponse => "viewer-response",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? name, out EdgeEventType type)
    {
        switch (name)
        {
            case "viewer-request": type = EdgeEventType.ViewerRequest; return true;
            case "origin-request": type = EdgeEventType.OriginRequest; return true;
            case "origin-response": type = EdgeEventType.OriginResponse; return true;
            case "viewer-response": type = EdgeEventType.ViewerResponse; return true;
            default: type = default; return false;
        }
    }

    public static bool IsRequestEvent(this EdgeEventType type) =>
        type is EdgeEventType.ViewerRequest or EdgeEventType.OriginRequest;

    public static bool IsOriginEvent(this EdgeEventType type) =>
        type is EdgeEventType.OriginRequest or EdgeEventType.OriginResponse;
}
