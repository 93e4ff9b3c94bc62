using EdgeCompute.EdgeNode.Admin;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeCli.Invalidation;

/// <summary>
/// The <c>Admin</c> section of a node's <c>edge.json</c> (comments and trailing commas allowed, keys
/// in any case, as the node reads them), for finding the admin API without repeating its settings.
/// </summary>
internal sealed class AdminConfigFile
{
    public AdminOptions? Admin { get; set; }

    /// <summary>The file's <c>Admin</c> section (empty when it has none); null with the reason in <paramref name="errors"/> when the file cannot be read.</summary>
    public static AdminOptions? Read(string path, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{path}: no such file");
            return null;
        }
        var configErrors = new List<ConfigError>();
        var file = EdgeConfigReader.Read<AdminConfigFile>(path, configErrors);
        errors.AddRange(configErrors.Select(e => e.ToString()));
        return file is null ? null : file.Admin ?? new AdminOptions();
    }
}
