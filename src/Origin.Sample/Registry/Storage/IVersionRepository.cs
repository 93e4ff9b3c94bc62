using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface IVersionRepository
{
    Task<VersionRecord?> GetAsync(string accountId, string functionName, int version, CancellationToken cancellationToken);

    /// <summary>The highest-numbered version still there, if any.</summary>
    Task<VersionRecord?> GetNewestAsync(string accountId, string functionName, CancellationToken cancellationToken);

    Task<IReadOnlyList<VersionRecord>> ListAsync(string accountId, string functionName, CancellationToken cancellationToken);

    Task InsertAsync(VersionRecord version, CancellationToken cancellationToken);

    Task DeleteAsync(string accountId, string functionName, int version, CancellationToken cancellationToken);
}
