using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// Connections to <c>registry.db</c> for a module with its own <see cref="ModuleSchema"/>. Like the
/// registry, nothing is created until the first connection, so an origin never asked for the module's
/// data never touches its data directory. One per module store, for the process's lifetime.
/// </summary>
internal sealed class ModuleDatabase(RegistryPaths paths, ModuleSchema schema)
{
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
}
