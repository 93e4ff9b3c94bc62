using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// A function folder's <c>function.json</c>, read as the node reads it (comments, trailing commas,
/// members in any case) into the settings the registry keeps.
/// </summary>
internal static class FunctionSettingsFile
{
    public const string Name = "function.json";

    private static readonly JsonDocumentOptions Document = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Node settings the registry does not keep: a folder written for a local node still deploys.
    private static readonly string[] NodeOnly = ["maxConcurrency"];

    /// <summary>
    /// The settings in <paramref name="directory"/>'s function.json; empty settings when there is
    /// none; null with the reasons in <paramref name="errors"/> when it cannot be read.
    /// </summary>
    /// <param name="warnings">Members read but not sent (node-only settings).</param>
    public static async Task<FunctionSettings?> ReadAsync(string directory, List<string> errors, List<string> warnings,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, Name);
        if (!File.Exists(path))
        {
            return new FunctionSettings();
        }
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            if (JsonNode.Parse(text, documentOptions: Document) is not JsonObject settings)
            {
                errors.Add($"{path}: not a JSON object");
                return null;
            }
            foreach (var member in settings.Select(m => m.Key).Where(k => NodeOnly.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
            {
                settings.Remove(member);
                warnings.Add($"{path}: '{member}' is a node setting the registry does not keep; not sent");
            }
            return settings.Deserialize<FunctionSettings>(EdgeConfigReader.Options) ?? new FunctionSettings();
        }
        catch (JsonException ex)
        {
            errors.Add($"{path}: {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path} cannot be read: {ex.Message}");
            return null;
        }
    }
}
