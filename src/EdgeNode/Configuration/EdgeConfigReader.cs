using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>Reads <c>edge.json</c> into <see cref="EdgeConfig"/>, reporting syntax and type errors with their JSON path.</summary>
internal static class EdgeConfigReader
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T? Read<T>(string file, List<ConfigError> errors) where T : class
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(file, "", "cannot be read: " + ex.Message));
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) ?? throw new JsonException("the file holds null, not an object");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {ex.BytePositionInLine + 1})" : "";
            errors.Add(new ConfigError(file, ex.Path ?? "$", FirstSentence(ex.Message) + where));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
