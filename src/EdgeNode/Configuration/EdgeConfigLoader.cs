namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>Loads the config file and the function folders it names into a snapshot, or the list of every error.</summary>
public static class EdgeConfigLoader
{
    public static ConfigLoadResult Load(string file, long version)
    {
        var errors = new List<ConfigError>();
        var full = Path.GetFullPath(file);
        if (!File.Exists(full))
        {
            errors.Add(new ConfigError(full, "", "file not found"));
            return new ConfigLoadResult(null, errors);
        }
        var config = EdgeConfigReader.Read<EdgeConfig>(full, errors);
        if (config is null)
        {
            return new ConfigLoadResult(null, errors);
        }
        var snapshot = new EdgeSnapshotFactory(full, config, errors).Build(version);
        return new ConfigLoadResult(errors.Count == 0 ? snapshot : null, errors);
    }
}
