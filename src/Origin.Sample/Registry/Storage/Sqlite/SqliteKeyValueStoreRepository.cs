using System.Data.Common;
using EdgeCompute.Origin.Sample.Registry.KeyValueStores;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteKeyValueStoreRepository(SqliteCommands db) : IKeyValueStoreRepository
{
    // Sizes are UTF-8 bytes of keys and values, as CloudFront counts a store against its 5 MB.
    private const string Select = """
        SELECT s.account_id, s.name, s.id, s.comment, s.version,
            (SELECT COUNT(*) FROM key_value_items i WHERE i.store_id = s.id),
            (SELECT COALESCE(SUM(length(CAST(i.key AS BLOB)) + length(CAST(i.value AS BLOB))), 0) FROM key_value_items i WHERE i.store_id = s.id),
            s.last_modified
        FROM key_value_stores s
        """;

    public Task InsertAsync(string accountId, string name, string id, string comment, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO key_value_stores (id, account_id, name, comment, version, last_modified)
            VALUES (@id, @accountId, @name, @comment, 0, @now)
            """, new { id, accountId, name, comment, now = SqliteCommands.Time(now) }, cancellationToken);

    public Task<KeyValueStoreRecord?> GetAsync(string accountId, string name, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"{Select} WHERE s.account_id = @accountId AND s.name = @name", new { accountId, name }, Map, cancellationToken);

    public Task<IReadOnlyList<KeyValueStoreRecord>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.QueryAsync($"{Select} WHERE s.account_id = @accountId ORDER BY s.name", new { accountId }, Map, cancellationToken);

    public Task DeleteAsync(string storeId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM key_value_stores WHERE id = @storeId", new { storeId }, cancellationToken);

    public Task<IReadOnlyList<KeyValuePair<string, string>>> GetItemsAsync(string storeId, CancellationToken cancellationToken) =>
        db.QueryAsync("SELECT key, value FROM key_value_items WHERE store_id = @storeId ORDER BY key", new { storeId },
            r => KeyValuePair.Create(r.GetString(0), r.GetString(1)), cancellationToken);

    public Task<string?> GetItemAsync(string storeId, string key, CancellationToken cancellationToken) =>
        db.QuerySingleAsync("SELECT value FROM key_value_items WHERE store_id = @storeId AND key = @key", new { storeId, key },
            r => r.GetString(0), cancellationToken);

    public Task PutItemAsync(string storeId, string key, string value, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO key_value_items (store_id, key, value) VALUES (@storeId, @key, @value)
            ON CONFLICT (store_id, key) DO UPDATE SET value = excluded.value
            """, new { storeId, key, value }, cancellationToken);

    public async Task<bool> DeleteItemAsync(string storeId, string key, CancellationToken cancellationToken) =>
        await db.ExecuteAsync("DELETE FROM key_value_items WHERE store_id = @storeId AND key = @key", new { storeId, key }, cancellationToken) > 0;

    public async Task ReplaceItemsAsync(string storeId, IReadOnlyList<KeyValuePair<string, string>> items, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("DELETE FROM key_value_items WHERE store_id = @storeId", new { storeId }, cancellationToken);
        foreach (var (key, value) in items)
        {
            await PutItemAsync(storeId, key, value, cancellationToken);
        }
    }

    public Task TouchAsync(string storeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE key_value_stores SET version = version + 1, last_modified = @now WHERE id = @storeId",
            new { storeId, now = SqliteCommands.Time(now) }, cancellationToken);

    private static KeyValueStoreRecord Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt32(5), r.GetInt64(6), SqliteCommands.Time(r, 7));
}
