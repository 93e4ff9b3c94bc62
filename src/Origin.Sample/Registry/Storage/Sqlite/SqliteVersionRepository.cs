using System.Data.Common;
using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteVersionRepository(SqliteCommands db) : IVersionRepository
{
    private const string Select =
        "SELECT account_id, function_name, version, settings, code_sha256, code_size, description, created FROM function_versions";

    public Task<VersionRecord?> GetAsync(string accountId, string functionName, int version, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"{Select} WHERE account_id = @accountId AND function_name = @functionName AND version = @version",
            new { accountId, functionName, version }, Map, cancellationToken);

    public Task<VersionRecord?> GetNewestAsync(string accountId, string functionName, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"{Select} WHERE account_id = @accountId AND function_name = @functionName ORDER BY version DESC LIMIT 1",
            new { accountId, functionName }, Map, cancellationToken);

    public Task<IReadOnlyList<VersionRecord>> ListAsync(string accountId, string functionName, CancellationToken cancellationToken) =>
        db.QueryAsync($"{Select} WHERE account_id = @accountId AND function_name = @functionName ORDER BY version",
            new { accountId, functionName }, Map, cancellationToken);

    public Task InsertAsync(VersionRecord version, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO function_versions (account_id, function_name, version, settings, code_sha256, code_size, description, created)
            VALUES (@AccountId, @FunctionName, @Version, @settings, @CodeSha256, @CodeSize, @Description, @created)
            """, new
        {
            version.AccountId,
            version.FunctionName,
            version.Version,
            settings = StoredJson.Write(version.Settings),
            version.CodeSha256,
            version.CodeSize,
            version.Description,
            created = SqliteCommands.Time(version.Created),
        }, cancellationToken);

    public Task DeleteAsync(string accountId, string functionName, int version, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM function_versions WHERE account_id = @accountId AND function_name = @functionName AND version = @version",
            new { accountId, functionName, version }, cancellationToken);

    private static VersionRecord Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), StoredJson.Read<FunctionSettings>(r.GetString(3)),
        r.GetString(4), r.GetInt64(5), r.GetString(6), SqliteCommands.Time(r, 7));
}
