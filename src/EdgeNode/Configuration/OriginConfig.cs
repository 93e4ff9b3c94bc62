using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>An origin: a custom HTTP(S) server or an S3-style bucket endpoint.</summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OriginConfig
{
    public string? Id { get; init; }

    /// <summary><c>custom</c> (default) or <c>s3</c>; decides the shape of <c>request.origin</c> in events.</summary>
    public string Type { get; init; } = "custom";

    public string? DomainName { get; init; }

    /// <summary>Port; defaults to 80 for http and 443 for https.</summary>
    public int? Port { get; init; }

    /// <summary><c>http</c> or <c>https</c> (custom origins only; S3 is always https).</summary>
    public string Protocol { get; init; } = "https";

    /// <summary>Origin path prefix, empty or starting with <c>/</c> and not ending with one.</summary>
    public string Path { get; init; } = "";

    /// <summary>Seconds to wait for the origin's response (activity timeout). CloudFront's default is 30.</summary>
    public int ReadTimeout { get; init; } = 30;

    /// <summary>Seconds an idle pooled connection to the origin is kept. CloudFront's default is 5.</summary>
    public int KeepaliveTimeout { get; init; } = 5;

    /// <summary>Headers added to every request sent to this origin.</summary>
    public IReadOnlyDictionary<string, string> CustomHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>S3 only: the bucket's region, shown to functions.</summary>
    public string? Region { get; init; }

    /// <summary>S3 only: <c>none</c> or <c>origin-access-identity</c>, shown to functions.</summary>
    public string AuthMethod { get; init; } = "none";
}
