using System.Data.Common;
using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteAliasRepository(SqliteCommands db) : IAliasRepository
{
    private const string Select =
        "SELECT account_id, function_name, name, function_version, additional_version, additional_weight, description FROM aliases";

    public Task<AliasRecord?> GetAsync(string accountId, string functionName, string name, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"{Select} WHERE account_id = @accountId AND function_name = @functionName AND name = @name",
            new { accountId, functionName, name }, Map, cancellationToken);

    public Task<IReadOnlyList<AliasRecord>> ListAsync(string accountId, string functionName, CancellationToken cancellationToken) =>
        db.QueryAsync($"{Select} WHERE account_id = @accountId AND function_name = @functionName ORDER BY name",
            new { accountId, functionName }, Map, cancellationToken);

    public Task UpsertAsync(AliasRecord alias, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO aliases (account_id, function_name, name, function_version, additional_version, additional_weight, description)
            VALUES (@AccountId, @FunctionName, @Name, @FunctionVersion, @AdditionalVersion, @AdditionalWeight, @Description)
            ON CONFLICT (account_id, function_name, name) DO UPDATE SET function_version = excluded.function_version,
                additional_version = excluded.additional_version, additional_weight = excluded.additional_weight,
                description = excluded.description
            """, alias, cancellationToken);

    public Task DeleteAsync(string accountId, string functionName, string name, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM aliases WHERE account_id = @accountId AND function_name = @functionName AND name = @name",
            new { accountId, functionName, name }, cancellationToken);

    private static AliasRecord Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3),
        r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetDouble(5), r.GetString(6));
}
