using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.KeyValueStores;

/// <summary>Key-value stores and their items. Every change bumps the store's version and the global revision.</summary>
internal sealed class KeyValueStoreService(IRegistryStore store, TimeProvider time)
{
    public async Task<KeyValueStoreResponse> CreateAsync(AccountRecord caller, CreateKeyValueStoreRequest request, CancellationToken cancellationToken)
    {
        var name = ResourceNames.Check("key-value store", request.Name);
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        if (await session.KeyValueStores.GetAsync(caller.Id, name, cancellationToken) is not null)
        {
            throw RegistryProblemException.Conflict(ErrorCodes.ResourceConflict, $"key-value store '{name}' already exists");
        }
        await session.KeyValueStores.InsertAsync(caller.Id, name, Guid.NewGuid().ToString(), request.Comment ?? "", time.GetUtcNow(), cancellationToken);
        var created = await GetOwnAsync(session, caller, name, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return KeyValueStoreResponse.From(created);
    }

    public async Task<KeyValueStoreListResponse> ListAsync(AccountRecord caller, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var stores = await session.KeyValueStores.ListAsync(caller.Id, cancellationToken);
        return new KeyValueStoreListResponse(stores.Select(KeyValueStoreResponse.From).ToList());
    }

    public async Task<KeyValueStoreResponse> GetAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return KeyValueStoreResponse.From(await GetOwnAsync(session, caller, name, cancellationToken));
    }

    public async Task DeleteAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var kvs = await GetOwnAsync(session, caller, name, cancellationToken);
        var users = await session.Functions.ListUsingStoreAsync(caller.Id, name, cancellationToken);
        if (users.Count > 0)
        {
            throw RegistryProblemException.InUse($"key-value store '{name}'", users.Select(u => $"function {u}").ToList());
        }
        await session.KeyValueStores.DeleteAsync(kvs.Id, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    public async Task<KeyValueItemListResponse> ListItemsAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var kvs = await GetOwnAsync(session, caller, name, cancellationToken);
        var items = await session.KeyValueStores.GetItemsAsync(kvs.Id, cancellationToken);
        return new KeyValueItemListResponse(items.Select(i => new KeyValueItem { Key = i.Key, Value = i.Value }).ToList());
    }

    public async Task<KeyValueItem> GetItemAsync(AccountRecord caller, string name, string key, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var kvs = await GetOwnAsync(session, caller, name, cancellationToken);
        return await session.KeyValueStores.GetItemAsync(kvs.Id, key, cancellationToken) is { } value
            ? new KeyValueItem { Key = key, Value = value }
            : throw KeyNotFound(name, key);
    }

    public async Task<KeyValueItem> PutItemAsync(AccountRecord caller, string name, string key, string? value, CancellationToken cancellationToken)
    {
        KeyValueLimits.CheckItem(key, value);
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var kvs = await GetOwnAsync(session, caller, name, cancellationToken);
        var old = await session.KeyValueStores.GetItemAsync(kvs.Id, key, cancellationToken);
        KeyValueLimits.CheckTotal(kvs.TotalBytes - (old is null ? 0 : KeyValueLimits.ItemBytes(key, old)) + KeyValueLimits.ItemBytes(key, value!));
        await session.KeyValueStores.PutItemAsync(kvs.Id, key, value!, cancellationToken);
        await ChangedAsync(session, kvs, cancellationToken);
        return new KeyValueItem { Key = key, Value = value };
    }

    public async Task DeleteItemAsync(AccountRecord caller, string name, string key, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var kvs = await GetOwnAsync(session, caller, name, cancellationToken);
        if (!await session.KeyValueStores.DeleteItemAsync(kvs.Id, key, cancellationToken))
        {
            throw KeyNotFound(name, key);
        }
        await ChangedAsync(session, kvs, cancellationToken);
    }

    public async Task<KeyValueStoreResponse> ImportAsync(AccountRecord caller, string name, IReadOnlyList<KeyValuePair<string, string>> items,
        CancellationToken cancellationToken)
    {
        foreach (var (key, value) in items)
        {
            KeyValueLimits.CheckItem(key, value);
        }
        KeyValueLimits.CheckTotal(items.Sum(i => KeyValueLimits.ItemBytes(i.Key, i.Value)));
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var kvs = await GetOwnAsync(session, caller, name, cancellationToken);
        await session.KeyValueStores.ReplaceItemsAsync(kvs.Id, items, cancellationToken);
        await ChangedAsync(session, kvs, cancellationToken);
        await using var read = await store.BeginAsync(write: false, cancellationToken);
        return KeyValueStoreResponse.From(await GetOwnAsync(read, caller, name, cancellationToken));
    }

    private async Task ChangedAsync(IRegistrySession session, KeyValueStoreRecord kvs, CancellationToken cancellationToken)
    {
        await session.KeyValueStores.TouchAsync(kvs.Id, time.GetUtcNow(), cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private static async Task<KeyValueStoreRecord> GetOwnAsync(IRegistrySession session, AccountRecord caller, string name,
        CancellationToken cancellationToken) =>
        await session.KeyValueStores.GetAsync(caller.Id, name, cancellationToken)
            ?? throw RegistryProblemException.NotFound($"key-value store '{name}' not found");

    private static RegistryProblemException KeyNotFound(string name, string key) =>
        RegistryProblemException.NotFound(ErrorCodes.KeyNotFound, $"key '{key}' not found in key-value store '{name}'");
}
