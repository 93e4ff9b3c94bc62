using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>Registry JSON values as short text for tables and <c>name: value</c> lines.</summary>
internal static class JsonText
{
    /// <summary>A string or number as is, a list joined with ", ", an object as <c>k=v</c> pairs, null or missing as "-".</summary>
    public static string Of(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } s ? s : "-",
        JsonValue value => value.ToJsonString(),
        JsonArray items => items.Count == 0 ? "-" : string.Join(", ", items.Select(Of)),
        JsonObject members => members.Count == 0 ? "-" : string.Join(", ", members.Select(m => $"{m.Key}={Of(m.Value)}")),
        _ => node.ToJsonString(),
    };

    /// <summary>The items of the list member <paramref name="name"/> of a list answer (<c>{"functions":[...]}</c>).</summary>
    public static IReadOnlyList<JsonNode> Items(JsonNode? body, string name) =>
        body?[name] is JsonArray items ? items.OfType<JsonNode>().ToList() : [];
}
