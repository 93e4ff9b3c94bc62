using EdgeCompute.Origin.Sample.Registry.Sync;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// One connection and transaction, handed out by <see cref="SqliteRegistryStore"/>; lives for one
/// operation. Disposing without committing rolls back.
/// </summary>
internal sealed class SqliteRegistrySession : IRegistrySession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommands _db;
    private readonly RevisionSignal _signal;
    private readonly SemaphoreSlim? _writeLock;
    private bool _revisionChanged;

    public SqliteRegistrySession(SqliteConnection connection, SqliteTransaction transaction, RevisionSignal signal,
        SemaphoreSlim? writeLock, TimeProvider time)
    {
        _connection = connection;
        _transaction = transaction;
        _signal = signal;
        _writeLock = writeLock;
        _db = new SqliteCommands(connection, transaction);
        Accounts = new SqliteAccountRepository(_db, time);
        Functions = new SqliteFunctionRepository(_db);
        Versions = new SqliteVersionRepository(_db);
        Aliases = new SqliteAliasRepository(_db);
        Layers = new SqliteLayerRepository(_db);
        KeyValueStores = new SqliteKeyValueStoreRepository(_db);
        Distributions = new SqliteDistributionRepository(_db);
        Nodes = new SqliteNodeRepository(_db);
    }

    public IAccountRepository Accounts { get; }
    public IFunctionRepository Functions { get; }
    public IVersionRepository Versions { get; }
    public IAliasRepository Aliases { get; }
    public ILayerRepository Layers { get; }
    public IKeyValueStoreRepository KeyValueStores { get; }
    public IDistributionRepository Distributions { get; }
    public INodeRepository Nodes { get; }

    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken) =>
        await _db.ScalarAsync<long>("SELECT value FROM revision WHERE id = 1", null, cancellationToken);

    public async Task<long> BumpRevisionAsync(CancellationToken cancellationToken)
    {
        _revisionChanged = true;
        return await _db.ScalarAsync<long>("UPDATE revision SET value = value + 1 WHERE id = 1 RETURNING value", null, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken);
        if (_revisionChanged)
        {
            // Only after the commit: a woken node must find the new revision when it reads.
            _signal.Notify();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            _writeLock?.Release();
        }
    }
}
