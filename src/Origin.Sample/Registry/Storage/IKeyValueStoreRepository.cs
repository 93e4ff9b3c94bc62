using EdgeCompute.Origin.Sample.Registry.KeyValueStores;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface IKeyValueStoreRepository
{
    Task InsertAsync(string accountId, string name, string id, string comment, DateTimeOffset now, CancellationToken cancellationToken);

    Task<KeyValueStoreRecord?> GetAsync(string accountId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<KeyValueStoreRecord>> ListAsync(string accountId, CancellationToken cancellationToken);

    Task DeleteAsync(string storeId, CancellationToken cancellationToken);

    Task<IReadOnlyList<KeyValuePair<string, string>>> GetItemsAsync(string storeId, CancellationToken cancellationToken);

    Task<string?> GetItemAsync(string storeId, string key, CancellationToken cancellationToken);

    Task PutItemAsync(string storeId, string key, string value, CancellationToken cancellationToken);

    Task<bool> DeleteItemAsync(string storeId, string key, CancellationToken cancellationToken);

    Task ReplaceItemsAsync(string storeId, IReadOnlyList<KeyValuePair<string, string>> items, CancellationToken cancellationToken);

    /// <summary>Bumps the store's version and modification time after a change of its items.</summary>
    Task TouchAsync(string storeId, DateTimeOffset now, CancellationToken cancellationToken);
}
