using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// Turns a registry snapshot into a config tree, <c>snapshots/{revision}/</c>, then loads it with
/// the normal <see cref="EdgeConfigLoader"/>: a snapshot is validated exactly as an edge.json is, and
/// a node restarted without its registry loads the same tree from disk. The tree is written under a
/// temporary name and renamed when complete, so a crash never leaves half a snapshot under a revision.
/// </summary>
internal sealed class SnapshotMaterializer
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private readonly SnapshotStore _store;

    public SnapshotMaterializer(SnapshotStore store)
    {
        _store = store;
    }

    /// <summary>
    /// Writes the tree from the snapshot and its bundles (all present in the store) and loads it. A
    /// failed load leaves the tree for the operator to look at; the next successful sync removes it.
    /// </summary>
    public async Task<ConfigLoadResult> MaterializeAsync(RegionalSnapshot snapshot, CancellationToken cancellationToken)
    {
        var errors = new List<ConfigError>();
        var target = _store.SnapshotDirectory(snapshot.Revision);
        var temp = SnapshotStore.TempPath(target);
        Directory.CreateDirectory(temp);
        try
        {
            var functions = snapshot.BoundFunctions();
            foreach (var (name, function) in functions)
            {
                await WriteFunctionAsync(Path.Combine(temp, "functions"), name, function, Source(snapshot), errors, cancellationToken);
            }
            var stores = await WriteStoresAsync(temp, snapshot, errors, cancellationToken);
            if (errors.Count > 0)
            {
                Directory.Delete(temp, recursive: true);
                return new ConfigLoadResult(null, errors);
            }
            var config = new EdgeConfig
            {
                Distributions = snapshot.Distributions,
                Functions = functions.ToDictionary(f => f.Key, f => f.Value.Settings ?? new FunctionSettingsConfig(), StringComparer.Ordinal),
                KeyValueStores = stores,
            };
            await File.WriteAllTextAsync(Path.Combine(temp, "edge.json"), JsonSerializer.Serialize(config, WriteOptions), cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.Move(temp, target);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
            throw;
        }
        return EdgeConfigLoader.Load(_store.ConfigFile(snapshot.Revision), snapshot.Revision);
    }

    private static string Source(RegionalSnapshot snapshot) => $"registry snapshot {snapshot.Revision}";

    private async Task WriteFunctionAsync(string functionsDirectory, string name, RegionalFunction function, string source,
        List<ConfigError> errors, CancellationToken cancellationToken)
    {
        // The same names FunctionDirectoryReader accepts: one folder, directly under functions/.
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.StartsWith('.'))
        {
            errors.Add(new ConfigError(source, $"$.functions['{name}']", "is not a usable folder name"));
            return;
        }
        if (function.Code is null)
        {
            errors.Add(new ConfigError(source, $"$.functions['{name}'].code", "is required: the SHA-256 of the function's code zip"));
            return;
        }
        var writer = new FunctionFolderWriter(Path.Combine(functionsDirectory, name));
        if (!await writer.AddCodeAsync(_store.BundlePath(function.Code.ToLowerInvariant()), errors, cancellationToken))
        {
            return;
        }
        foreach (var layer in function.Layers)
        {
            if (!await writer.AddLayerAsync(_store.BundlePath(layer.ToLowerInvariant()), errors, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Writes each store's contents to <c>kvs/{id}.json</c> and returns the config entries that name them.</summary>
    private static async Task<List<KeyValueStoreConfig>> WriteStoresAsync(string root, RegionalSnapshot snapshot, List<ConfigError> errors,
        CancellationToken cancellationToken)
    {
        var configs = new List<KeyValueStoreConfig>();
        Directory.CreateDirectory(Path.Combine(root, "kvs"));
        for (var i = 0; i < snapshot.KeyValueStores.Count; i++)
        {
            var store = snapshot.KeyValueStores[i];
            if (string.IsNullOrEmpty(store.Id) || !store.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add(new ConfigError(Source(snapshot), $"$.keyValueStores[{i}].id", $"'{store.Id}' is not a store id (letters, digits, '-' and '_')"));
                continue;
            }
            var file = $"kvs/{store.Id}.json";
            await File.WriteAllTextAsync(Path.Combine(root, file), JsonSerializer.Serialize(store.Data ?? new Dictionary<string, string>()), cancellationToken);
            configs.Add(new KeyValueStoreConfig { Id = store.Id, File = file });
        }
        return configs;
    }
}
