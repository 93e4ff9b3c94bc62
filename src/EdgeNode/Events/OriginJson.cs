using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// The <c>request.origin</c> object of origin events (exactly one of <c>custom</c> or <c>s3</c>), and
/// reading back the one a function returns. Field names and types are AWS's.
/// </summary>
internal static class OriginJson
{
    public static string Write(OriginModel origin)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in origin.CustomHeaders)
        {
            headers[name.ToLowerInvariant()] = new JsonArray(new JsonObject { ["key"] = name, ["value"] = value });
        }
        JsonObject body = origin.IsS3
            ? new JsonObject
            {
                ["authMethod"] = origin.AuthMethod,
                ["customHeaders"] = headers,
                ["domainName"] = origin.DomainName,
                ["path"] = origin.Path,
                ["region"] = origin.Region ?? "us-east-1",
            }
            : new JsonObject
            {
                ["customHeaders"] = headers,
                ["domainName"] = origin.DomainName,
                ["keepaliveTimeout"] = origin.KeepaliveTimeoutSeconds,
                ["path"] = origin.Path,
                ["port"] = origin.Port,
                ["protocol"] = origin.Protocol,
                ["readTimeout"] = origin.ReadTimeoutSeconds,
                ["sslProtocols"] = new JsonArray("TLSv1.2"),
            };
        return new JsonObject { [origin.IsS3 ? "s3" : "custom"] = body }.ToJsonString();
    }

    /// <summary>The origin a function returned; null with <paramref name="error"/> set when it is invalid.</summary>
    public static OriginModel? Read(JsonElement element, OriginModel current, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "origin: is not an object";
            return null;
        }
        var hasCustom = element.TryGetProperty("custom", out var custom);
        var hasS3 = element.TryGetProperty("s3", out var s3);
        if (hasCustom == hasS3)
        {
            error = "origin: must have exactly one of 'custom' or 's3'";
            return null;
        }
        var o = hasCustom ? custom : s3;
        var field = hasCustom ? "origin.custom" : "origin.s3";
        if (o.ValueKind != JsonValueKind.Object)
        {
            error = $"{field}: is not an object";
            return null;
        }
        if (WrongType(o, field, hasS3) is { } typeError)
        {
            error = typeError;
            return null;
        }
        var domain = String(o, "domainName");
        if (domain is null || Uri.CheckHostName(domain) == UriHostNameType.Unknown)
        {
            error = $"{field}.domainName: '{domain}' is not a host name";
            return null;
        }
        var path = String(o, "path") ?? "";
        if (path.Length > 0 && (!path.StartsWith('/') || path.EndsWith('/')))
        {
            error = $"{field}.path: '{path}' must start with '/' and not end with one";
            return null;
        }
        var headers = new List<KeyValuePair<string, string>>();
        if (o.TryGetProperty("customHeaders", out var custHeaders) && custHeaders.ValueKind != JsonValueKind.Null)
        {
            if (!HeaderListReader.TryRead(custHeaders, $"{field}.customHeaders", headers, out error))
            {
                return null;
            }
            foreach (var (name, _) in headers)
            {
                if (HeaderRules.IsDisallowed(name))
                {
                    error = $"{field}.customHeaders.{name.ToLowerInvariant()}: is a header functions may not add";
                    return null;
                }
            }
        }
        if (hasS3)
        {
            return new OriginModel
            {
                Id = current.Id, IsS3 = true, DomainName = domain, Port = 443, Protocol = "https", Path = path,
                CustomHeaders = headers, Region = String(o, "region"), AuthMethod = String(o, "authMethod") ?? "none",
                ReadTimeoutSeconds = current.ReadTimeoutSeconds, KeepaliveTimeoutSeconds = current.KeepaliveTimeoutSeconds,
            };
        }
        var protocol = String(o, "protocol") ?? "https";
        if (protocol is not ("http" or "https"))
        {
            error = $"{field}.protocol: '{protocol}' is not 'http' or 'https'";
            return null;
        }
        var port = Int(o, "port") ?? (protocol == "http" ? 80 : 443);
        var readTimeout = Int(o, "readTimeout") ?? current.ReadTimeoutSeconds;
        var keepalive = Int(o, "keepaliveTimeout") ?? current.KeepaliveTimeoutSeconds;
        if (port is < 1 or > 65535 || readTimeout is < 1 or > 180 || keepalive is < 1 or > 180)
        {
            error = $"{field}: port must be 1–65535 and readTimeout/keepaliveTimeout 1–180";
            return null;
        }
        return new OriginModel
        {
            Id = current.Id, DomainName = domain, Port = port, Protocol = protocol, Path = path, CustomHeaders = headers,
            ReadTimeoutSeconds = readTimeout, KeepaliveTimeoutSeconds = keepalive,
        };
    }

    private static readonly string[] StringFields = ["domainName", "path", "protocol", "region", "authMethod"];
    private static readonly string[] IntegerFields = ["port", "readTimeout", "keepaliveTimeout"];

    /// <summary>A field of the wrong JSON type is an error, not a default: a port sent as a string must not become port 80.</summary>
    private static string? WrongType(JsonElement o, string field, bool isS3)
    {
        foreach (var name in StringFields)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return $"{field}.{name}: {v.GetRawText()} is not a string";
            }
        }
        foreach (var name in isS3 ? Array.Empty<string>() : IntegerFields)
        {
            if (o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null && !(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out _)))
            {
                return $"{field}.{name}: {v.GetRawText()} is not an integer";
            }
        }
        return null;
    }

    private static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
