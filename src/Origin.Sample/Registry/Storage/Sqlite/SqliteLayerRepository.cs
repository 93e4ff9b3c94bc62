using System.Data.Common;
using EdgeCompute.Origin.Sample.Registry.Layers;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteLayerRepository(SqliteCommands db) : ILayerRepository
{
    private const string Select =
        "SELECT account_id, name, version, code_sha256, code_size, description, visibility, accounts, created FROM layer_versions";

    public async Task<int> NextVersionAsync(string accountId, string name, CancellationToken cancellationToken) =>
        await db.ScalarAsync<int>("""
            INSERT INTO layers (account_id, name, last_version) VALUES (@accountId, @name, 1)
            ON CONFLICT (account_id, name) DO UPDATE SET last_version = last_version + 1
            RETURNING last_version
            """, new { accountId, name }, cancellationToken);

    public Task InsertVersionAsync(LayerVersionRecord layer, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO layer_versions (account_id, name, version, code_sha256, code_size, description, visibility, accounts, created)
            VALUES (@AccountId, @Name, @Version, @CodeSha256, @CodeSize, @Description, @Visibility, @accounts, @created)
            """, new
        {
            layer.AccountId,
            layer.Name,
            layer.Version,
            layer.CodeSha256,
            layer.CodeSize,
            layer.Description,
            layer.Visibility,
            accounts = StoredJson.Write(layer.Accounts),
            created = SqliteCommands.Time(layer.Created),
        }, cancellationToken);

    public Task<LayerVersionRecord?> GetVersionAsync(string accountId, string name, int version, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"{Select} WHERE account_id = @accountId AND name = @name AND version = @version",
            new { accountId, name, version }, Map, cancellationToken);

    public Task<IReadOnlyList<LayerVersionRecord>> ListVersionsAsync(string accountId, string name, CancellationToken cancellationToken) =>
        db.QueryAsync($"{Select} WHERE account_id = @accountId AND name = @name ORDER BY version",
            new { accountId, name }, Map, cancellationToken);

    public Task<IReadOnlyList<LayerVersionRecord>> ListUsableAsync(string accountId, CancellationToken cancellationToken) =>
        db.QueryAsync($"""
            {Select} WHERE account_id = @accountId OR visibility = 'public'
                OR (visibility = 'accounts' AND EXISTS (SELECT 1 FROM json_each(accounts) a WHERE a.value = @accountId))
            ORDER BY account_id, name, version
            """, new { accountId }, Map, cancellationToken);

    public Task UpdatePermissionAsync(string accountId, string name, int version, string visibility, IReadOnlyList<string> accounts,
        CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            UPDATE layer_versions SET visibility = @visibility, accounts = @accountList
            WHERE account_id = @accountId AND name = @name AND version = @version
            """, new { accountId, name, version, visibility, accountList = StoredJson.Write(accounts) }, cancellationToken);

    public Task DeleteVersionAsync(string accountId, string name, int version, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM layer_versions WHERE account_id = @accountId AND name = @name AND version = @version",
            new { accountId, name, version }, cancellationToken);

    public Task<IReadOnlyList<string>> ListCodeHashesAsync(CancellationToken cancellationToken) =>
        db.QueryAsync("SELECT DISTINCT code_sha256 FROM layer_versions", null, r => r.GetString(0), cancellationToken);

    private static LayerVersionRecord Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6),
        StoredJson.Read<List<string>>(r.GetString(7)), SqliteCommands.Time(r, 8));
}
