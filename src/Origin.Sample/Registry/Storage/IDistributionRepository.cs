using EdgeCompute.Origin.Sample.Registry.Distributions;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface IDistributionRepository
{
    Task<DistributionRecord?> GetAsync(string accountId, string id, CancellationToken cancellationToken);

    /// <summary>Which account has the id, if any: ids are global, so another account's id cannot be reused.</summary>
    Task<string?> FindOwnerAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<DistributionRecord>> ListAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Every account's distributions, for the node snapshot.</summary>
    Task<IReadOnlyList<DistributionRecord>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Host names (any account) that distributions other than <paramref name="exceptId"/> already serve.</summary>
    Task<IReadOnlyList<string>> FindTakenHostsAsync(IEnumerable<string> hosts, string exceptId, CancellationToken cancellationToken);

    /// <summary>Stores the distribution and claims its host names.</summary>
    Task UpsertAsync(DistributionRecord distribution, CancellationToken cancellationToken);

    Task DeleteAsync(string accountId, string id, CancellationToken cancellationToken);
}
