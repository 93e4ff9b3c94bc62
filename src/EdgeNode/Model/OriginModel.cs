namespace EdgeCompute.EdgeNode.Model;

/// <summary>
/// Where a request goes: a validated origin from config, or one an origin-request function chose.
/// Immutable; the forwarder turns it into a destination prefix.
/// </summary>
public sealed record OriginModel
{
    public required string Id { get; init; }
    public bool IsS3 { get; init; }
    public required string DomainName { get; init; }
    public required int Port { get; init; }
    public required string Protocol { get; init; }
    public string Path { get; init; } = "";
    public int ReadTimeoutSeconds { get; init; } = 30;
    public int KeepaliveTimeoutSeconds { get; init; } = 5;
    public IReadOnlyList<KeyValuePair<string, string>> CustomHeaders { get; init; } = [];
    public string? Region { get; init; }
    public string AuthMethod { get; init; } = "none";

    /// <summary>Host and port as a Host header names them: the port only when not the scheme's default, IPv6 in brackets.</summary>
    public string Authority => field ??= BuildAuthority();

    /// <summary>Scheme, authority and origin path; the request's uri is appended to it.</summary>
    public string DestinationPrefix => field ??= $"{Protocol}://{Authority}{Path}";

    private string BuildAuthority()
    {
        var host = DomainName.Contains(':') && !DomainName.StartsWith('[') ? $"[{DomainName}]" : DomainName;
        return Port == (Protocol == "https" ? 443 : 80) ? host : $"{host}:{Port}";
    }
}
