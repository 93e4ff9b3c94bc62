namespace EdgeCompute.EdgeNode.Model;

/// <summary>
/// The whole validated configuration at one moment. Immutable: a request pins the snapshot it
/// started with, so a reload never changes the rules under a request in flight.
/// </summary>
public sealed class EdgeSnapshot
{
    private readonly Dictionary<string, DistributionModel> _byHost;

    public EdgeSnapshot(IReadOnlyList<DistributionModel> distributions, DistributionModel? defaultDistribution,
        IReadOnlyDictionary<string, FunctionModel> functions, long version,
        IReadOnlyDictionary<string, KeyValueStoreModel>? keyValueStores = null)
    {
        KeyValueStores = keyValueStores ?? new Dictionary<string, KeyValueStoreModel>();
        Distributions = distributions;
        DefaultDistribution = defaultDistribution;
        Functions = functions;
        Version = version;
        _byHost = new Dictionary<string, DistributionModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var distribution in distributions)
        {
            foreach (var host in distribution.HostNames)
            {
                _byHost.TryAdd(host, distribution);
            }
        }
    }

    public IReadOnlyList<DistributionModel> Distributions { get; }
    public DistributionModel? DefaultDistribution { get; }
    public IReadOnlyDictionary<string, FunctionModel> Functions { get; }

    /// <summary>The config's key-value stores by id; the associated functions hold their contents too (<see cref="FunctionModel.KeyValueStores"/>).</summary>
    public IReadOnlyDictionary<string, KeyValueStoreModel> KeyValueStores { get; }

    /// <summary>Increases with every successful load; shown in logs and metrics.</summary>
    public long Version { get; }

    /// <summary>The distribution for a Host header value (port ignored), else the default one.</summary>
    public DistributionModel? MatchDistribution(string host)
    {
        var name = StripPort(host);
        return name.Length > 0 && _byHost.TryGetValue(name, out var distribution) ? distribution : DefaultDistribution;
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']');
            return end > 0 ? host[1..end] : host;
        }
        var colon = host.LastIndexOf(':');
        return colon >= 0 && host.IndexOf(':') == colon ? host[..colon] : host;
    }
}
