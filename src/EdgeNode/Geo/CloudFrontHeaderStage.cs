using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// When the CloudFront-* headers enter the request path. CloudFront adds them after the viewer-request
/// Lambda@Edge event, so that function sees the request as the viewer sent it; a CloudFront Function at
/// viewer-request does see them (AWS's own CloudFront Functions examples route by
/// cloudfront-viewer-country at viewer-request). Either way origin-request, origin-response, the cache
/// key and the origin see them.
/// </summary>
internal sealed class CloudFrontHeaderStage
{
    private readonly CloudFrontHeaderWriter _writer;

    public CloudFrontHeaderStage(CloudFrontHeaderWriter writer)
    {
        _writer = writer;
    }

    /// <summary>Before viewer-request: the viewer's own CloudFront-* headers go, and a CloudFront Function gets the real ones.</summary>
    public void BeforeViewerRequest(HttpContext context, EdgeRequestFeature edge)
    {
        CloudFrontHeaderWriter.RemoveSpoofed(context.Request);
        if (SeenByViewerRequest(edge.Behavior))
        {
            _writer.Write(context, edge.Behavior.CloudFrontHeaders, edge.Viewer);
        }
    }

    /// <summary>After viewer-request, before the cache key is made.</summary>
    public void AfterViewerRequest(HttpContext context, EdgeRequestFeature edge)
    {
        if (!SeenByViewerRequest(edge.Behavior))
        {
            _writer.Write(context, edge.Behavior.CloudFrontHeaders, edge.Viewer);
        }
    }

    private static bool SeenByViewerRequest(CacheBehaviorModel behavior) =>
        behavior.FunctionFor(EdgeEventType.ViewerRequest)?.Function.CloudFrontVersion is not null;
}
