using System.Text.Json;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>The sample origin's <c>/echo</c> answer: the request exactly as it reached the origin.</summary>
internal sealed record Echo(string Method, string Path, string Query, Dictionary<string, string[]> Headers, string Body, long BodyLength)
{
    /// <summary>The values of a header (name in any case), as the origin's server split them; empty when absent.</summary>
    public string[] Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    /// <summary>The header's name exactly as it arrived on the wire.</summary>
    public string? HeaderName(string name) =>
        Headers.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    public static async Task<Echo> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new Xunit.Sdk.XunitException($"Expected the origin's echo, got {(int)response.StatusCode}: {text}");
        }
        return JsonSerializer.Deserialize<Echo>(text, JsonSerializerOptions.Web)
            ?? throw new Xunit.Sdk.XunitException("The echo is empty.");
    }
}
