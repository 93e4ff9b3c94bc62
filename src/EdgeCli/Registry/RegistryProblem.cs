using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// An RFC 9457 problem the registry answered with: what went wrong in words (<see cref="Detail"/>),
/// the stable <see cref="Code"/>, and the lists some codes carry — the distribution bindings that
/// keep a resource in use, or a syntax error per file.
/// </summary>
internal sealed record RegistryProblem(string? Title, string? Detail, string? Code, IReadOnlyList<string> Bindings, IReadOnlyList<string> Errors)
{
    /// <summary>The problem in a body, or null when the body is not a JSON object (an HTML error page, a proxy's text).</summary>
    public static RegistryProblem? Read(string body)
    {
        JsonObject? problem;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (problem is null)
        {
            return null;
        }
        return new RegistryProblem(Text(problem["title"]), Text(problem["detail"]), Text(problem["code"]),
            Lines(problem["bindings"], Text), Lines(problem["errors"], ErrorLine));
    }

    /// <summary><c>file:line:column: message</c> for a syntax error, as compilers print them; anything else as its JSON.</summary>
    private static string? ErrorLine(JsonNode? error)
    {
        if (error is not JsonObject e)
        {
            return Text(error) ?? error?.ToJsonString();
        }
        var where = string.Join(":", new[] { e["file"], e["line"], e["column"] }.Select(Text).Where(p => p is not null));
        var message = Text(e["message"]) ?? e.ToJsonString();
        return where.Length == 0 ? message : $"{where}: {message}";
    }

    private static IReadOnlyList<string> Lines(JsonNode? list, Func<JsonNode?, string?> line) =>
        list is JsonArray items ? items.Select(line).OfType<string>().ToList() : [];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString() : null;
}
