using System.Data.Common;
using EdgeCompute.Origin.Sample.Registry.Distributions;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteDistributionRepository(SqliteCommands db) : IDistributionRepository
{
    private const string Select = "SELECT id, account_id, document, last_modified FROM distributions";

    public Task<DistributionRecord?> GetAsync(string accountId, string id, CancellationToken cancellationToken) =>
        db.QuerySingleAsync($"{Select} WHERE account_id = @accountId AND id = @id", new { accountId, id }, Map, cancellationToken);

    public Task<string?> FindOwnerAsync(string id, CancellationToken cancellationToken) =>
        db.ScalarAsync<string?>("SELECT account_id FROM distributions WHERE id = @id", new { id }, cancellationToken);

    public Task<IReadOnlyList<DistributionRecord>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.QueryAsync($"{Select} WHERE account_id = @accountId ORDER BY id", new { accountId }, Map, cancellationToken);

    public Task<IReadOnlyList<DistributionRecord>> ListAllAsync(CancellationToken cancellationToken) =>
        db.QueryAsync($"{Select} ORDER BY id", null, Map, cancellationToken);

    public Task<IReadOnlyList<string>> FindTakenHostsAsync(IEnumerable<string> hosts, string exceptId, CancellationToken cancellationToken) =>
        db.QueryAsync("SELECT host FROM distribution_hosts WHERE host IN @hosts AND distribution_id <> @exceptId ORDER BY host",
            new { hosts, exceptId }, r => r.GetString(0), cancellationToken);

    public async Task UpsertAsync(DistributionRecord distribution, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("""
            INSERT INTO distributions (id, account_id, document, last_modified) VALUES (@Id, @AccountId, @document, @lastModified)
            ON CONFLICT (id) DO UPDATE SET document = excluded.document, last_modified = excluded.last_modified
            """, new
        {
            distribution.Id,
            distribution.AccountId,
            document = StoredJson.Write(distribution.Document),
            lastModified = SqliteCommands.Time(distribution.LastModified),
        }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM distribution_hosts WHERE distribution_id = @Id", new { distribution.Id }, cancellationToken);
        foreach (var host in distribution.Document.HostNames())
        {
            await db.ExecuteAsync("INSERT INTO distribution_hosts (host, distribution_id) VALUES (@host, @Id)",
                new { host, distribution.Id }, cancellationToken);
        }
    }

    public Task DeleteAsync(string accountId, string id, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM distributions WHERE account_id = @accountId AND id = @id", new { accountId, id }, cancellationToken);

    private static DistributionRecord Map(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), StoredJson.Read<DistributionDocument>(r.GetString(2)), SqliteCommands.Time(r, 3));
}
