using System.Text.Json;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.KeyValueStores;

/// <summary>
/// Reads an import body: <c>{"key": "value", …}</c>, or CloudFront's import file
/// <c>{"data": [{"key", "value"}, …]}</c>. A later duplicate key wins, as CloudFront's import does.
/// </summary>
internal static class KeyValueImportReader
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest, $"the body is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest, "send a JSON object of keys to string values, or {\"data\": [{\"key\", \"value\"}]}");
            }
            var items = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in data.EnumerateArray())
                {
                    var key = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : null;
                    var value = key is not null && item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    if (key is null || value is null)
                    {
                        throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest, "every entry of data needs a string key and a string value");
                    }
                    items[key] = value;
                }
            }
            else
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        throw RegistryProblemException.BadRequest(ErrorCodes.InvalidRequest,
                            $"the value of '{property.Name}' is {property.Value.ValueKind.ToString().ToLowerInvariant()}, not a string (store JSON as a string)");
                    }
                    items[property.Name] = property.Value.GetString()!;
                }
            }
            return items.ToList();
        }
    }
}
