namespace EdgeCompute.Origin.Sample.Registry.Storage;

/// <summary>
/// Where the registry keeps its records. SQLite (<see cref="Sqlite.SqliteRegistryStore"/>) is the
/// default; a PostgreSQL store for a multi-instance regional tier implements the same sessions.
/// </summary>
internal interface IRegistryStore
{
    /// <summary>
    /// Opens a transaction. Write sessions are serialised and see a consistent view for the whole
    /// check-then-change of an operation; nothing is kept unless <see cref="IRegistrySession.CommitAsync"/> runs.
    /// </summary>
    Task<IRegistrySession> BeginAsync(bool write, CancellationToken cancellationToken);
}
