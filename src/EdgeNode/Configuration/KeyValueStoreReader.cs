using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Reads the config's key-value stores (<c>{"id", "file"}</c>, files relative to the config file,
/// each a JSON object of string keys to string values) and enforces AWS's limits: 5 MB per store,
/// keys up to 512 characters, values up to 1 KB. Every error is listed.
/// </summary>
internal static class KeyValueStoreReader
{
    public static Dictionary<string, KeyValueStoreModel> Read(string configFile, IReadOnlyList<KeyValueStoreConfig> configs, List<ConfigError> errors)
    {
        var stores = new Dictionary<string, KeyValueStoreModel>(StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(Path.GetFullPath(configFile)) ?? ".";
        for (var i = 0; i < configs.Count; i++)
        {
            var path = $"$.keyValueStores[{i}]";
            var config = configs[i];
            if (string.IsNullOrEmpty(config.Id))
            {
                errors.Add(new ConfigError(configFile, path + ".id", "is required"));
            }
            else if (stores.ContainsKey(config.Id))
            {
                errors.Add(new ConfigError(configFile, path + ".id", $"'{config.Id}' is used by another key-value store"));
            }
            if (string.IsNullOrEmpty(config.File))
            {
                errors.Add(new ConfigError(configFile, path + ".file", "is required"));
                continue;
            }
            var file = Path.GetFullPath(Path.Combine(directory, config.File));
            var store = ReadStore(file, config.Id ?? "", errors);
            if (store is not null && !string.IsNullOrEmpty(config.Id))
            {
                stores.TryAdd(config.Id, store);
            }
        }
        return stores;
    }

    private static KeyValueStoreModel? ReadStore(string file, string id, List<ConfigError> errors)
    {
        byte[] bytes;
        DateTimeOffset modified;
        try
        {
            bytes = File.ReadAllBytes(file);
            modified = File.GetLastWriteTimeUtc(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(file, "", $"key-value store '{id}': cannot read the file: {ex.Message}"));
            return null;
        }
        var before = errors.Count;
        if (bytes.Length > KeyValueStoreModel.MaxStoreBytes)
        {
            errors.Add(new ConfigError(file, "", $"key-value store '{id}' is {bytes.Length} bytes, over the {KeyValueStoreModel.MaxStoreBytes}-byte (5 MB) limit"));
            return null;
        }
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ConfigError(file, "$", $"key-value store '{id}' must be a JSON object of keys to string values"));
                return null;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var where = "$['" + property.Name + "']";
                if (property.Name.Length is 0 or > KeyValueStoreModel.MaxKeyChars)
                {
                    errors.Add(new ConfigError(file, where, $"key of {property.Name.Length} characters: keys must have 1–{KeyValueStoreModel.MaxKeyChars} characters"));
                }
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new ConfigError(file, where, $"value is {property.Value.ValueKind.ToString().ToLowerInvariant()}, not a string (store JSON values as strings, read them with format 'json')"));
                    continue;
                }
                var value = property.Value.GetString()!;
                var valueBytes = Encoding.UTF8.GetByteCount(value);
                if (valueBytes > KeyValueStoreModel.MaxValueBytes)
                {
                    errors.Add(new ConfigError(file, where, $"value is {valueBytes} bytes, over the {KeyValueStoreModel.MaxValueBytes}-byte (1 KB) limit"));
                }
                data[property.Name] = value;
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new ConfigError(file, "", $"key-value store '{id}' is not valid JSON: {ex.Message}"));
            return null;
        }
        if (errors.Count > before)
        {
            return null;
        }
        return new KeyValueStoreModel
        {
            Id = id,
            Data = data,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16],
            LastModified = modified,
        };
    }
}
