using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry;

/// <summary>The registry's files under <see cref="RegistryOptions.DataDirectory"/>. Nothing is created until first use.</summary>
internal sealed class RegistryPaths(IOptions<RegistryOptions> options)
{
    public string DataDirectory { get; } = Path.GetFullPath(options.Value.DataDirectory);

    public string Database => Path.Combine(DataDirectory, "registry.db");

    /// <summary>How every store of the origin opens <see cref="Database"/> (the registry's and billing's), so they agree on it.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Database,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Blobs => Path.Combine(DataDirectory, "blobs");
}
