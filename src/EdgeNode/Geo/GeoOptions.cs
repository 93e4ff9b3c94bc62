using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>What the node does when a geo database cannot be opened or read at start-up.</summary>
public enum GeoDatabaseErrorMode
{
    /// <summary>Start-up fails with an error naming the file and the reason.</summary>
    Fail,

    /// <summary>The node starts, logs a warning and adds no headers from that database.</summary>
    Warn,
}

/// <summary>
/// The <c>Geo</c> section: MaxMind databases (paths relative to the config file) for the
/// CloudFront-Viewer-* headers, and the proxies whose X-Forwarded-For names the viewer.
/// </summary>
public sealed class GeoOptions
{
    /// <summary>A GeoIP2/GeoLite2 City database: country, region, city, postal code, time zone, location, metro code.</summary>
    public string? CityDatabase { get; set; }

    /// <summary>A GeoIP2/GeoLite2 Country database, used for the country headers when no City database is set.</summary>
    public string? CountryDatabase { get; set; }

    /// <summary>A GeoLite2/GeoIP2 ASN database, for CloudFront-Viewer-ASN.</summary>
    public string? AsnDatabase { get; set; }

    public GeoDatabaseErrorMode OnDatabaseError { get; set; } = GeoDatabaseErrorMode.Fail;

    /// <summary>
    /// IPs or CIDR ranges (e.g. <c>10.0.0.0/8</c>) of load balancers in front of the node: only a
    /// connection from one of them may name the viewer in X-Forwarded-For. That viewer is the event's
    /// <c>clientIp</c> and the last entry of the origin's X-Forwarded-For, as well as the geo headers' viewer.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Every problem with the settings themselves (not the files), at once.</summary>
    public IEnumerable<ConfigError> Validate(string file)
    {
        for (var i = 0; i < TrustedProxies.Count; i++)
        {
            if (!TrustedProxyList.TryParseEntry(TrustedProxies[i], out _))
            {
                yield return new ConfigError(file, $"$.Geo.TrustedProxies[{i}]", $"'{TrustedProxies[i]}' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
            }
        }
    }
}
