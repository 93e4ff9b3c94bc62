using EdgeCompute.EdgeNode.Geo;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Which CloudFront-* headers a behaviour's policies ask for: those its origin request policy names,
/// and those its cache policy puts in the key (CloudFront adds both). A CloudFront-* name we do not
/// know is an error, not a header that silently never comes.
/// </summary>
internal static class CloudFrontHeaderPolicyReader
{
    private static readonly string[] Behaviors = ["none", "whitelist", "allViewer", "allViewerAndWhitelistCloudFront"];

    public static CloudFrontHeader Read(CacheBehaviorConfig config, string path, Action<string, string> error)
    {
        var headers = CloudFrontHeader.None;
        if (config.OriginRequestPolicy?.Headers is { } policy)
        {
            headers |= ReadOriginRequestHeaders(policy, $"{path}.originRequestPolicy.headers", error);
        }
        if (config.CachePolicy?.Headers is { } keyHeaders)
        {
            headers |= Named(keyHeaders.Items, $"{path}.cachePolicy.headers.items", error);
        }
        return headers;
    }

    private static CloudFrontHeader ReadOriginRequestHeaders(CacheKeyItemsConfig policy, string path, Action<string, string> error)
    {
        var behavior = Behaviors.FirstOrDefault(b => string.Equals(b, policy.Behavior, StringComparison.OrdinalIgnoreCase));
        if (behavior is null)
        {
            error($"{path}.behavior", $"'{policy.Behavior}' is not one of {string.Join(", ", Behaviors)}");
            return CloudFrontHeader.None;
        }
        if (behavior is "none" or "allViewer")
        {
            if (policy.Items.Count > 0)
            {
                error($"{path}.items", $"'{behavior}' takes no header names; use whitelist or allViewerAndWhitelistCloudFront");
            }
            return CloudFrontHeader.None;
        }
        if (policy.Items.Count == 0)
        {
            error($"{path}.items", $"'{behavior}' needs at least one header name");
        }
        if (behavior == "allViewerAndWhitelistCloudFront")
        {
            foreach (var name in policy.Items.Where(n => !CloudFrontHeaderNames.IsCloudFrontName(n)))
            {
                error($"{path}.items", $"'{name}' is not a CloudFront-* header; allViewerAndWhitelistCloudFront lists CloudFront headers only");
            }
        }
        return Named(policy.Items, $"{path}.items", error);
    }

    private static CloudFrontHeader Named(IEnumerable<string> names, string path, Action<string, string> error)
    {
        var headers = CloudFrontHeader.None;
        foreach (var name in names.Where(CloudFrontHeaderNames.IsCloudFrontName))
        {
            if (CloudFrontHeaderNames.TryParse(name, out var header))
            {
                headers |= header;
            }
            else
            {
                error(path, $"'{name}' is not a CloudFront header this node adds; known: {CloudFrontHeaderNames.Known}");
            }
        }
        return headers;
    }
}
