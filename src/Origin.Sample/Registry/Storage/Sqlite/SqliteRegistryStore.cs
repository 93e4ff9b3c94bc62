using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// The registry in one SQLite file. The file, its schema and the seeded accounts are made on the
/// first session, not at start-up, so an origin that never serves the registry never touches
/// its data directory.
/// </summary>
internal sealed class SqliteRegistryStore(
    RegistryPaths paths, IOptions<RegistryOptions> options, RevisionSignal signal, TimeProvider time) : IRegistryStore, IDisposable
{
    private readonly SemaphoreSlim _initializeLock = new(1, 1);

    // SQLite takes one writer at a time; queueing here instead of on SQLITE_BUSY keeps waits fair and short.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString = paths.ConnectionString;
    private volatile bool _initialized;

    public async Task<IRegistrySession> BeginAsync(bool write, CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }
        return await OpenAsync(write, cancellationToken);
    }

    private async Task<IRegistrySession> OpenAsync(bool write, CancellationToken cancellationToken)
    {
        if (write)
        {
            await _writeLock.WaitAsync(cancellationToken);
        }
        SqliteConnection? connection = null;
        try
        {
            connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            // Readers take a deferred transaction: one consistent view, no lock against the writer (WAL).
            var transaction = connection.BeginTransaction(deferred: !write);
            return new SqliteRegistrySession(connection, transaction, signal, write ? _writeLock : null, time);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            if (write)
            {
                _writeLock.Release();
            }
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }
            Directory.CreateDirectory(paths.DataDirectory);
            await using (var connection = new SqliteConnection(_connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await SqliteMigrator.MigrateAsync(connection, cancellationToken);
            }
            await using (var session = await OpenAsync(write: true, cancellationToken))
            {
                await AccountSeeder.SeedAsync(session.Accounts, options.Value.Accounts, cancellationToken);
                await session.CommitAsync(cancellationToken);
            }
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    public void Dispose()
    {
        _initializeLock.Dispose();
        _writeLock.Dispose();
    }
}
