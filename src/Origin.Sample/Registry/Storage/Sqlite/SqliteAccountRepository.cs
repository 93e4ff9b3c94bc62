using EdgeCompute.Origin.Sample.Registry.Accounts;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteAccountRepository(SqliteCommands db, TimeProvider time) : IAccountRepository
{
    public Task<AccountRecord?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken) =>
        db.QuerySingleAsync("SELECT id, name FROM accounts WHERE api_key_hash = @keyHash", new { keyHash },
            r => new AccountRecord(r.GetString(0), r.GetString(1)), cancellationToken);

    public Task<AccountRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        db.QuerySingleAsync("SELECT id, name FROM accounts WHERE id = @id", new { id },
            r => new AccountRecord(r.GetString(0), r.GetString(1)), cancellationToken);

    public Task UpsertAsync(AccountRecord account, string keyHash, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO accounts (id, name, api_key_hash, created) VALUES (@Id, @Name, @keyHash, @created)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, api_key_hash = excluded.api_key_hash
            """, new { account.Id, account.Name, keyHash, created = SqliteCommands.Time(time.GetUtcNow()) }, cancellationToken);
}
