using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Geo;

/// <summary>
/// MaxMind's test databases in <c>../shared/data/geoip/</c> beside the repository (see its README for
/// the known answers), and the node settings that use them.
/// </summary>
internal static class GeoTestData
{
    public const string LondonIp = "81.2.69.142";
    public const string BoxfordIp = "2.125.160.216";
    public const string MiltonIp = "216.160.83.56";
    public const string AsnIp = "1.128.0.0";

    // Networks of the City test database, found by listing it: it has no IPv4 addresses in these countries.
    public const string GermanyIp = "2a02:d180::1";
    public const string FranceIp = "2a02:cfc0::1";

    public const string PhoneUserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    public const string DesktopUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

    public static string City => Database("GeoIP2-City-Test.mmdb");
    public static string Country => Database("GeoIP2-Country-Test.mmdb");
    public static string Asn => Database("GeoLite2-ASN-Test.mmdb");
    public static string Broken => Database("GeoIP2-City-Test-Broken-Double-Format.mmdb");

    /// <summary>The full path of a file in the shared geoip folder, relative to the folder holding EdgeCompute.sln.</summary>
    public static string Database(string name) => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", "geoip", name));

    /// <summary>A <c>Geo</c> section with the City and ASN test databases; the test client (127.0.0.1) trusted or not.</summary>
    public static string Settings(bool trustLoopback = false, string? city = null, string onError = "fail") => JsonSerializer.Serialize(new
    {
        CityDatabase = city ?? City,
        AsnDatabase = Asn,
        OnDatabaseError = onError,
        TrustedProxies = trustLoopback ? new[] { "127.0.0.1" } : [],
    });

    /// <summary>An origin request policy that names these CloudFront headers.</summary>
    public static string Policy(params string[] headers) =>
        JsonSerializer.Serialize(new { headers = new { behavior = "allViewerAndWhitelistCloudFront", items = headers } });

    /// <summary>
    /// The last bound behaviour asks for these CloudFront headers, and the node adds them from the test
    /// databases, trusting the test client (127.0.0.1) to name the viewer in X-Forwarded-For.
    /// </summary>
    public static EdgeTestEnvironment WithCloudFrontHeaders(this EdgeTestEnvironment env, params string[] headers) =>
        env.WithGeo(Settings(trustLoopback: true)).WithOriginRequestPolicy(Policy(headers));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCompute.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("EdgeCompute.sln not found above " + AppContext.BaseDirectory);
    }
}
