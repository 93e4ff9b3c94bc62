using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// Connections to <c>registry.db</c> for a module with its own <see cref="ModuleSchema"/>. Like the
/// registry, nothing is created until the first connection, so an origin never asked for the module's
/// data never touches its data directory. One per module store, for the process's lifetime.
/// </summary>
internal sealed class ModuleDatabase(RegistryPaths paths, ModuleSchema schema) : IDisposable
{
    // One writer of the module at a time queues here; other writers on the same file are waited for by the busy timeout.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString = paths.ConnectionString;
    private volatile bool _migrated;

    /// <summary>
    /// Opens a connection, bringing the schema up to date on the first. No lock is needed for that:
    /// the migration reads and writes the version in one write transaction, so a second caller racing
    /// the first waits for it, then finds nothing left to do.
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            Directory.CreateDirectory(paths.DataDirectory);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_migrated)
            {
                await schema.MigrateAsync(connection, cancellationToken);
                _migrated = true;
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, committed when it returns (rolled back when it throws).</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteCommands, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(new SqliteCommands(connection, transaction));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction: one consistent view, never blocking the writer (WAL).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteCommands, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await work(new SqliteCommands(connection, transaction));
    }

    public void Dispose() => _writeLock.Dispose();
}
