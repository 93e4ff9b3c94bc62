using System.Text.Json;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// Reads a Lambda@Edge headers object (<c>name → [{key, value}]</c>) into (key, value) pairs,
/// filling a missing <c>key</c> in Title-Case and refusing what cannot go on the wire.
/// </summary>
internal static class HeaderListReader
{
    public static bool TryRead(JsonElement headers, string field, List<KeyValuePair<string, string>> into, out string? error)
    {
        error = null;
        if (headers.ValueKind == JsonValueKind.String)
        {
            return TryReadFlat(headers.GetString()!, field, into, out error);
        }
        if (headers.ValueKind != JsonValueKind.Object)
        {
            error = $"{field}: is not an object";
            return false;
        }
        foreach (var header in headers.EnumerateObject())
        {
            var name = header.Name;
            var at = $"{field}.{name}";
            if (!HeaderRules.IsValidName(name))
            {
                error = $"{at}: is not a valid header name";
                return false;
            }
            if (header.Value.ValueKind != JsonValueKind.Array)
            {
                error = $"{at}: is not an array of {{key, value}} objects";
                return false;
            }
            var index = 0;
            foreach (var entry in header.Value.EnumerateArray())
            {
                var entryAt = $"{at}[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    error = $"{entryAt}: is not a {{key, value}} object";
                    return false;
                }
                string key;
                if (entry.TryGetProperty("key", out var keyElement) && keyElement.ValueKind != JsonValueKind.Null)
                {
                    if (keyElement.ValueKind != JsonValueKind.String || !string.Equals(keyElement.GetString(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        error = $"{entryAt}.key: must be the header name '{name}' in any letter case";
                        return false;
                    }
                    key = keyElement.GetString()!;
                }
                else
                {
                    key = HeaderRules.TitleCase(name);
                }
                if (!entry.TryGetProperty("value", out var valueElement) || valueElement.ValueKind != JsonValueKind.String)
                {
                    error = $"{entryAt}.value: is missing or not a string";
                    return false;
                }
                var value = valueElement.GetString()!;
                if (!HeaderRules.IsValidValue(value))
                {
                    error = $"{entryAt}.value: contains CR, LF, a control or a non-ASCII character";
                    return false;
                }
                into.Add(new(key, value));
            }
        }
        return true;
    }

    /// <summary>
    /// The bridge's flat form, <c>key\0value\0...</c>: the bridge has checked the shape and filled
    /// missing keys; what can go on the wire is checked here, as for the JSON form.
    /// </summary>
    private static bool TryReadFlat(string flat, string field, List<KeyValuePair<string, string>> into, out string? error)
    {
        error = null;
        var rest = flat.AsSpan();
        while (!rest.IsEmpty)
        {
            var keyEnd = rest.IndexOf('\0');
            var valueEnd = keyEnd < 0 ? -1 : rest[(keyEnd + 1)..].IndexOf('\0');
            if (valueEnd < 0)
            {
                error = $"{field}: malformed";
                return false;
            }
            var key = rest[..keyEnd];
            var value = rest.Slice(keyEnd + 1, valueEnd);
            if (!HeaderRules.IsValidName(key))
            {
                error = $"{field}.{key.ToString().ToLowerInvariant()}: is not a valid header name";
                return false;
            }
            if (!HeaderRules.IsValidValue(value))
            {
                error = $"{field}.{key.ToString().ToLowerInvariant()}: a value contains CR, LF, a control or a non-ASCII character";
                return false;
            }
            into.Add(new(key.ToString(), value.ToString()));
            rest = rest[(keyEnd + valueEnd + 2)..];
        }
        return true;
    }
}
