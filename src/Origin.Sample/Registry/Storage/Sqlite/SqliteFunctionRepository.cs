using System.Data.Common;
using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteFunctionRepository(SqliteCommands db) : IFunctionRepository
{
    private const string Columns = "account_id, name, settings, code_sha256, code_size, last_modified, last_version";

    public Task<FunctionRecord?> GetAsync(string accountId, string name, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM functions WHERE account_id = @accountId AND name = @name",
            new { accountId, name }, Map, cancellationToken);

    public Task<IReadOnlyList<FunctionRecord>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.QueryAsync($"SELECT {Columns} FROM functions WHERE account_id = @accountId ORDER BY name",
            new { accountId }, Map, cancellationToken);

    public Task InsertAsync(FunctionRecord function, CancellationToken cancellationToken) =>
        db.ExecuteAsync($"INSERT INTO functions ({Columns}) VALUES (@AccountId, @Name, @settings, @CodeSha256, @CodeSize, @lastModified, @LastVersion)",
            Parameters(function), cancellationToken);

    public Task UpdateAsync(FunctionRecord function, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            UPDATE functions SET settings = @settings, code_sha256 = @CodeSha256, code_size = @CodeSize,
                last_modified = @lastModified, last_version = @LastVersion
            WHERE account_id = @AccountId AND name = @Name
            """, Parameters(function), cancellationToken);

    public Task DeleteAsync(string accountId, string name, CancellationToken cancellationToken) =>
        // Versions and aliases go with it (ON DELETE CASCADE).
        db.ExecuteAsync("DELETE FROM functions WHERE account_id = @accountId AND name = @name", new { accountId, name }, cancellationToken);

    public Task<IReadOnlyList<QualifiedFunction>> ListUsingLayerAsync(string layerArn, CancellationToken cancellationToken) =>
        db.QueryAsync("""
            SELECT f.account_id, f.name, '$LATEST' FROM functions f, json_each(f.settings, '$.layers') l WHERE l.value = @layerArn
            UNION ALL
            SELECT v.account_id, v.function_name, CAST(v.version AS TEXT) FROM function_versions v, json_each(v.settings, '$.layers') l WHERE l.value = @layerArn
            ORDER BY 1, 2, 3
            """, new { layerArn }, MapQualified, cancellationToken);

    public Task<IReadOnlyList<QualifiedFunction>> ListUsingStoreAsync(string accountId, string storeName, CancellationToken cancellationToken) =>
        db.QueryAsync("""
            SELECT f.account_id, f.name, '$LATEST' FROM functions f, json_each(f.settings, '$.keyValueStores') s
            WHERE f.account_id = @accountId AND s.value = @storeName
            UNION ALL
            SELECT v.account_id, v.function_name, CAST(v.version AS TEXT) FROM function_versions v, json_each(v.settings, '$.keyValueStores') s
            WHERE v.account_id = @accountId AND s.value = @storeName
            ORDER BY 1, 2, 3
            """, new { accountId, storeName }, MapQualified, cancellationToken);

    public Task<IReadOnlyList<string>> ListCodeHashesAsync(CancellationToken cancellationToken) =>
        db.QueryAsync("""
            SELECT code_sha256 FROM functions WHERE code_sha256 IS NOT NULL
            UNION
            SELECT code_sha256 FROM function_versions
            """, null, r => r.GetString(0), cancellationToken);

    private static object Parameters(FunctionRecord function) => new
    {
        function.AccountId,
        function.Name,
        settings = StoredJson.Write(function.Settings),
        function.CodeSha256,
        function.CodeSize,
        lastModified = SqliteCommands.Time(function.LastModified),
        function.LastVersion,
    };

    private static FunctionRecord Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), StoredJson.Read<FunctionSettings>(r.GetString(2)),
        SqliteCommands.NullableString(r, 3), SqliteCommands.NullableInt64(r, 4), SqliteCommands.Time(r, 5), r.GetInt32(6));

    private static QualifiedFunction MapQualified(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2));
}
