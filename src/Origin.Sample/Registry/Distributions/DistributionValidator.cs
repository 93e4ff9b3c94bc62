using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>
/// Runs the node's own config validation on one distribution (its function associations aside,
/// which <see cref="BindingResolver"/> checks), so that what the registry accepts is what every node
/// loads. All errors are reported at once, with JSON paths into the request body.
/// </summary>
internal static class DistributionValidator
{
    // The node's factory resolves relative paths against a config file; a distribution without
    // functions or key-value stores never reads one.
    private static readonly string VirtualFile = Path.Combine(AppContext.BaseDirectory, "registry-distribution.json");

    public static void Validate(DistributionDocument document)
    {
        var config = new DistributionConfig
        {
            Id = document.Id,
            DomainName = document.DomainName,
            Aliases = document.Aliases,
            Origins = document.Origins,
            RunViewerResponseOnErrors = document.RunViewerResponseOnErrors,
            CacheBehaviors = document.CacheBehaviors.Select(b => new CacheBehaviorConfig
            {
                PathPattern = b.PathPattern,
                OriginId = b.OriginId,
                AllowedMethods = b.AllowedMethods,
                ForwardHost = b.ForwardHost,
                CachePolicy = b.CachePolicy,
            }).ToList(),
        };
        var errors = new List<ConfigError>();
        new EdgeSnapshotFactory(VirtualFile, new EdgeConfig { Distributions = [config] }, errors).Build(0);
        if (errors.Count > 0)
        {
            var located = errors.Select(e => new { path = e.Path.Replace("$.distributions[0]", "$", StringComparison.Ordinal), message = e.Message }).ToList();
            throw RegistryProblemException.BadRequest(ErrorCodes.InvalidDistribution,
                    string.Join("; ", located.Select(e => $"{e.path}: {e.message}")))
                .With("errors", located);
        }
    }
}
