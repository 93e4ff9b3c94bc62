using System.Text.Json;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>How documents (settings, distributions, lists) are written into JSON columns: camelCase, as on the wire.</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored JSON is null: {json}");
}
