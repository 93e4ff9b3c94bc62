using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>The JSON form of a code upload: the registry fetches the zip itself.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ZipUrlRequest
{
    public string? ZipUrl { get; init; }
}
