using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface IAliasRepository
{
    Task<AliasRecord?> GetAsync(string accountId, string functionName, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<AliasRecord>> ListAsync(string accountId, string functionName, CancellationToken cancellationToken);

    Task UpsertAsync(AliasRecord alias, CancellationToken cancellationToken);

    Task DeleteAsync(string accountId, string functionName, string name, CancellationToken cancellationToken);
}
