using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Events;

/// <summary><c>request.body</c> as Lambda@Edge shows it with includeBody.</summary>
internal sealed record BodyEvent(
    [property: JsonPropertyName("inputTruncated")] bool InputTruncated,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("encoding")] string Encoding,
    [property: JsonPropertyName("data")] string Data);

[JsonSerializable(typeof(BodyEvent))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
