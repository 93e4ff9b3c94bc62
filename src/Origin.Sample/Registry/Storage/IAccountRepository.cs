using EdgeCompute.Origin.Sample.Registry.Accounts;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface IAccountRepository
{
    Task<AccountRecord?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken);

    Task<AccountRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates the account, or renames it and replaces its key.</summary>
    Task UpsertAsync(AccountRecord account, string keyHash, CancellationToken cancellationToken);
}
