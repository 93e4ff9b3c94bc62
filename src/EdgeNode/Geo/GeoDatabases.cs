using MaxMind.Db;
using MaxMind.GeoIP2;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// The MaxMind databases, opened once at start-up and shared by every request for the node's
/// lifetime (a <see cref="DatabaseReader"/> is thread-safe). A database that could not be opened is
/// null: its headers are left out.
/// </summary>
internal sealed class GeoDatabases : IDisposable
{
    // Decoding this many records at start-up catches a garbled data section (a bad file, a partial
    // download) before the first viewer does, at a cost of milliseconds even for full databases.
    private const int RecordsChecked = 1000;

    private GeoDatabases(DatabaseReader? city, DatabaseReader? country, DatabaseReader? asn)
    {
        City = city;
        Country = country;
        Asn = asn;
    }

    /// <summary>No databases: the headers that need none (address, device, HTTP version) still work.</summary>
    public static GeoDatabases None { get; } = new(null, null, null);

    public DatabaseReader? City { get; }
    public DatabaseReader? Country { get; }
    public DatabaseReader? Asn { get; }

    /// <summary>Opens and checks each configured file; <paramref name="problems"/> gets (setting, message) for each that fails.</summary>
    public static GeoDatabases Open(GeoOptions options, string configDirectory, List<(string Setting, string Message)> problems)
    {
        var city = OpenOne(nameof(GeoOptions.CityDatabase), options.CityDatabase, "City", configDirectory, problems);
        // The City database has the country too; a Country database is only read without it.
        var country = city is null ? OpenOne(nameof(GeoOptions.CountryDatabase), options.CountryDatabase, "Country", configDirectory, problems) : null;
        var asn = OpenOne(nameof(GeoOptions.AsnDatabase), options.AsnDatabase, "ASN", configDirectory, problems);
        return new GeoDatabases(city, country, asn);
    }

    private static DatabaseReader? OpenOne(string setting, string? path, string kind, string configDirectory,
        List<(string Setting, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(configDirectory, path));
        DatabaseReader? reader = null;
        try
        {
            if (!File.Exists(full))
            {
                problems.Add((setting, $"the {kind} database {full} does not exist"));
                return null;
            }
            reader = new DatabaseReader(full, FileAccessMode.MemoryMapped);
            var type = reader.Metadata.DatabaseType;
            if (!type.Contains(kind, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add((setting, $"{full} is a {type} database; {setting} needs {kind} data"));
                reader.Dispose();
                return null;
            }
            CheckRecords(full);
            return reader;
        }
        catch (Exception ex) when (ex is InvalidDatabaseException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            reader?.Dispose();
            problems.Add((setting, $"the {kind} database {full} cannot be read: {ex.Message}"));
            return null;
        }
    }

    private static void CheckRecords(string path)
    {
        using var raw = new Reader(path, FileAccessMode.MemoryMapped);
        var seen = 0;
        foreach (var _ in raw.FindAll<Dictionary<string, object>>())
        {
            if (++seen >= RecordsChecked)
            {
                break;
            }
        }
    }

    public void Dispose()
    {
        City?.Dispose();
        Country?.Dispose();
        Asn?.Dispose();
    }
}
