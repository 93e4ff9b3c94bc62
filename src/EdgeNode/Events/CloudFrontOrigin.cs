using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// What a CloudFront Function's origin helpers (<c>cf.updateRequestOrigin</c>,
/// <c>selectRequestOriginById</c>, <c>createRequestOriginGroup</c>) asked for, as the bridge records it
/// (<c>cfOrigin: {op, id, originIds, params}</c>), turned into the origin the request goes to.
/// An origin group goes to its first origin, with its second as the failover (OriginFetcher retries there).
/// </summary>
internal static class CloudFrontOrigin
{
    public static OriginModel? Read(JsonElement change, EdgeRequestFeature edge, out OriginFailover? failover, out string? error)
    {
        error = null;
        failover = null;
        var op = change.TryGetProperty("op", out var o) ? o.GetString() : null;
        var origin = edge.Origin;
        switch (op)
        {
            case "select":
            case "group":
                var id = op == "select" ? change.GetProperty("id").GetString()!
                    : change.GetProperty("originIds").EnumerateArray().First().GetString()!;
                if (!edge.Distribution.Origins.TryGetValue(id, out var selected))
                {
                    error = $"cf.{(op == "select" ? "selectRequestOriginById" : "createRequestOriginGroup")}: no origin with id '{id}' in distribution '{edge.Distribution.Id}'";
                    return null;
                }
                origin = selected;
                if (op == "group" && !TryReadFailover(change, edge, out failover, out error))
                {
                    return null;
                }
                break;
            case "update":
                break;
            default:
                error = "cfOrigin: unknown origin change";
                return null;
        }
        if (change.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            origin = Update(origin, p, out error);
        }
        return origin;
    }

    private static bool TryReadFailover(JsonElement change, EdgeRequestFeature edge, out OriginFailover? failover, out string? error)
    {
        failover = null;
        error = null;
        var ids = change.GetProperty("originIds").EnumerateArray().Select(i => i.GetString()!).ToList();
        if (ids.Count < 2)
        {
            return true;
        }
        if (!edge.Distribution.Origins.TryGetValue(ids[1], out var secondary))
        {
            error = $"cf.createRequestOriginGroup: no origin with id '{ids[1]}' in distribution '{edge.Distribution.Id}'";
            return false;
        }
        var codes = new HashSet<int>();
        if (change.TryGetProperty("failoverCriteria", out var criteria) && criteria.ValueKind == JsonValueKind.Object &&
            criteria.TryGetProperty("statusCodes", out var statusCodes) && statusCodes.ValueKind == JsonValueKind.Array)
        {
            foreach (var code in statusCodes.EnumerateArray())
            {
                if (!code.TryGetInt32(out var n) || n is < 400 or > 599)
                {
                    error = $"cf.createRequestOriginGroup: failoverCriteria.statusCodes holds {code.GetRawText()}, not a 4xx or 5xx status";
                    return false;
                }
                codes.Add(n);
            }
        }
        failover = new OriginFailover(secondary, codes);
        return true;
    }

    private static OriginModel? Update(OriginModel origin, JsonElement p, out string? error)
    {
        error = null;
        if (p.TryGetProperty("domainName", out var domain))
        {
            if (domain.ValueKind != JsonValueKind.String || domain.GetString() is not { Length: > 0 } d || Uri.CheckHostName(d) == UriHostNameType.Unknown)
            {
                error = $"cf.updateRequestOrigin: domainName {domain.GetRawText()} is not a host name";
                return null;
            }
            origin = origin with { DomainName = d };
        }
        if (p.TryGetProperty("originPath", out var path))
        {
            if (path.ValueKind != JsonValueKind.String || (path.GetString() is { Length: > 0 } op && (!op.StartsWith('/') || op.EndsWith('/'))))
            {
                error = $"cf.updateRequestOrigin: originPath {path.GetRawText()} must start with '/' and not end with '/'";
                return null;
            }
            origin = origin with { Path = path.GetString()! };
        }
        if (p.TryGetProperty("customHeaders", out var headers))
        {
            if (headers.ValueKind != JsonValueKind.Object)
            {
                error = "cf.updateRequestOrigin: customHeaders must be an object of header names to values";
                return null;
            }
            var list = new List<KeyValuePair<string, string>>();
            foreach (var h in headers.EnumerateObject())
            {
                if (h.Value.ValueKind != JsonValueKind.String)
                {
                    error = $"cf.updateRequestOrigin: customHeaders.{h.Name} is not a string";
                    return null;
                }
                list.Add(new(h.Name, h.Value.GetString()!));
            }
            origin = origin with { CustomHeaders = list };
        }
        if (p.TryGetProperty("customOriginConfig", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            if (custom.TryGetProperty("port", out var port))
            {
                if (!port.TryGetInt32(out var n) || n is < 1 or > 65535)
                {
                    error = $"cf.updateRequestOrigin: customOriginConfig.port {port.GetRawText()} is not a port";
                    return null;
                }
                origin = origin with { Port = n };
            }
            if (custom.TryGetProperty("protocol", out var protocol))
            {
                if (protocol.GetString() is not ("http" or "https"))
                {
                    error = $"cf.updateRequestOrigin: customOriginConfig.protocol {protocol.GetRawText()} is not 'http' or 'https'";
                    return null;
                }
                origin = origin with { Protocol = protocol.GetString()! };
            }
            if (custom.TryGetProperty("readTimeout", out var rt) && rt.TryGetInt32(out var read) && read is >= 1 and <= 120)
            {
                origin = origin with { ReadTimeoutSeconds = read };
            }
            if (custom.TryGetProperty("keepAliveTimeout", out var kt) && kt.TryGetInt32(out var keep) && keep is >= 1 and <= 120)
            {
                origin = origin with { KeepaliveTimeoutSeconds = keep };
            }
        }
        if (p.TryGetProperty("timeouts", out var timeouts) && timeouts.ValueKind == JsonValueKind.Object &&
            timeouts.TryGetProperty("readTimeout", out var t) && t.TryGetInt32(out var seconds) && seconds is >= 1 and <= 120)
        {
            origin = origin with { ReadTimeoutSeconds = seconds };
        }
        // A new record: `with` would copy the cached Authority and DestinationPrefix of the old origin.
        return new OriginModel
        {
            Id = origin.Id, IsS3 = origin.IsS3, DomainName = origin.DomainName, Port = origin.Port, Protocol = origin.Protocol,
            Path = origin.Path, ReadTimeoutSeconds = origin.ReadTimeoutSeconds, KeepaliveTimeoutSeconds = origin.KeepaliveTimeoutSeconds,
            CustomHeaders = origin.CustomHeaders, Region = origin.Region, AuthMethod = origin.AuthMethod,
        };
    }
}
