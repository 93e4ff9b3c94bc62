using System.Text;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// A response a request event's function returned instead of a request:
/// <c>{status, statusDescription?, headers?, body?, bodyEncoding?}</c>, validated.
/// </summary>
internal sealed class GeneratedResponse
{
    public required int Status { get; init; }
    public string? StatusDescription { get; init; }
    public required List<KeyValuePair<string, string>> Headers { get; init; }
    public required byte[] Body { get; init; }

    public static GeneratedResponse? Read(JsonElement result, int sizeLimit, out string? error)
    {
        if (!ResponseFields.TryReadStatus(result, out var status, out error) ||
            !ResponseFields.TryReadDescription(result, out var description, out error))
        {
            return null;
        }
        var headers = new List<KeyValuePair<string, string>>();
        if (result.TryGetProperty("headers", out var headerElement) && headerElement.ValueKind != JsonValueKind.Null &&
            !HeaderListReader.TryRead(headerElement, "headers", headers, out error))
        {
            return null;
        }
        foreach (var (name, _) in headers)
        {
            if (HeaderRules.IsDisallowed(name))
            {
                error = $"headers.{name.ToLowerInvariant()}: is a header functions may not add";
                return null;
            }
        }
        if (!ResponseFields.TryReadBody(result, out var body, out error))
        {
            return null;
        }
        body ??= [];
        var size = body.Length + headers.Sum(h => h.Key.Length + h.Value.Length + 4);
        if (size > sizeLimit)
        {
            error = $"body: the generated response is {size} bytes (headers and body), over the {sizeLimit}-byte limit";
            return null;
        }
        return new GeneratedResponse { Status = status, StatusDescription = description, Headers = headers, Body = body };
    }
}

/// <summary>Fields shared by generated responses and the response events' results.</summary>
internal static class ResponseFields
{
    public static bool TryReadStatus(JsonElement result, out int status, out string? error)
    {
        error = null;
        status = 0;
        if (!result.TryGetProperty("status", out var element))
        {
            error = "status: is missing";
            return false;
        }
        var ok = element.ValueKind switch
        {
            JsonValueKind.String => int.TryParse(element.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out status),
            JsonValueKind.Number => element.TryGetInt32(out status),
            _ => false,
        };
        if (!ok || status is < 200 or > 599)
        {
            error = $"status: {element.GetRawText()} is not a status code from 200 to 599";
            return false;
        }
        return true;
    }

    public static bool TryReadDescription(JsonElement result, out string? description, out string? error)
    {
        error = null;
        description = null;
        if (result.TryGetProperty("statusDescription", out var element) && element.ValueKind != JsonValueKind.Null)
        {
            if (element.ValueKind != JsonValueKind.String || !HeaderRules.IsValidValue(element.GetString()))
            {
                error = "statusDescription: is not a single-line ASCII string";
                return false;
            }
            description = element.GetString();
        }
        return true;
    }

    /// <summary><c>body</c> with <c>bodyEncoding</c> <c>text</c> (default) or <c>base64</c>; null when absent.</summary>
    public static bool TryReadBody(JsonElement result, out byte[]? body, out string? error)
    {
        error = null;
        body = null;
        if (!result.TryGetProperty("body", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            error = "body: is not a string";
            return false;
        }
        var encoding = "text";
        if (result.TryGetProperty("bodyEncoding", out var encodingElement) && encodingElement.ValueKind != JsonValueKind.Null)
        {
            encoding = encodingElement.ValueKind == JsonValueKind.String ? encodingElement.GetString()! : "?";
        }
        switch (encoding)
        {
            case "text":
                body = Encoding.UTF8.GetBytes(element.GetString()!);
                return true;
            case "base64":
                try
                {
                    body = Convert.FromBase64String(element.GetString()!);
                    return true;
                }
                catch (FormatException)
                {
                    error = "body: is not valid base64 although bodyEncoding is 'base64'";
                    return false;
                }
            default:
                error = $"bodyEncoding: '{encoding}' is not 'text' or 'base64'";
                return false;
        }
    }
}
