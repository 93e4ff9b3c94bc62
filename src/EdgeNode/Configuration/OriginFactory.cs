using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>Validates one origin from config into an <see cref="OriginModel"/>.</summary>
internal static class OriginFactory
{
    public static OriginModel? Build(OriginConfig config, string path, Action<string, string> error)
    {
        var errors = 0;
        void Fail(string at, string message)
        {
            errors++;
            error(at, message);
        }
        if (string.IsNullOrWhiteSpace(config.Id))
        {
            Fail($"{path}.id", "is required");
        }
        var isS3 = config.Type == "s3";
        if (!isS3 && config.Type != "custom")
        {
            Fail($"{path}.type", $"'{config.Type}' is not 'custom' or 's3'");
        }
        if (string.IsNullOrWhiteSpace(config.DomainName) || Uri.CheckHostName(config.DomainName) == UriHostNameType.Unknown)
        {
            Fail($"{path}.domainName", $"'{config.DomainName}' is not a host name or IP address");
        }
        var protocol = isS3 ? "https" : config.Protocol;
        if (protocol is not ("http" or "https"))
        {
            Fail($"{path}.protocol", $"'{protocol}' is not 'http' or 'https'");
        }
        var port = config.Port ?? (protocol == "http" ? 80 : 443);
        if (port is < 1 or > 65535)
        {
            Fail($"{path}.port", $"{port} is outside 1–65535");
        }
        if (config.Path.Length > 0 && (!config.Path.StartsWith('/') || config.Path.EndsWith('/')))
        {
            Fail($"{path}.path", $"'{config.Path}' must start with '/' and not end with one (or be empty)");
        }
        if (config.ReadTimeout is < 1 or > 180)
        {
            Fail($"{path}.readTimeout", $"{config.ReadTimeout} s is outside 1–180");
        }
        if (config.KeepaliveTimeout is < 1 or > 180)
        {
            Fail($"{path}.keepaliveTimeout", $"{config.KeepaliveTimeout} s is outside 1–180");
        }
        foreach (var (name, value) in config.CustomHeaders)
        {
            if (!HeaderRules.IsValidName(name) || HeaderRules.IsDisallowed(name) || !HeaderRules.IsValidValue(value))
            {
                Fail($"{path}.customHeaders.{name}", "is not a header CloudFront lets you add to origin requests");
            }
        }
        if (errors > 0)
        {
            return null;
        }
        return new OriginModel
        {
            Id = config.Id!,
            IsS3 = isS3,
            DomainName = config.DomainName!,
            Port = port,
            Protocol = protocol,
            Path = config.Path,
            ReadTimeoutSeconds = config.ReadTimeout,
            KeepaliveTimeoutSeconds = config.KeepaliveTimeout,
            CustomHeaders = config.CustomHeaders.ToList(),
            Region = config.Region,
            AuthMethod = config.AuthMethod,
        };
    }
}
