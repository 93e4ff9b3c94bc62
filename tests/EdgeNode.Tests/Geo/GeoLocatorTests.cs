using System.Net;
using EdgeCompute.EdgeNode.Geo;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCompute.EdgeNode.Tests.Geo;

/// <summary>Known answers of MaxMind's test databases (shared/data/geoip/README.md).</summary>
public sealed class GeoLocatorTests : IDisposable
{
    private readonly GeoDatabases _databases;
    private readonly GeoLocator _locator;

    public GeoLocatorTests()
    {
        var problems = new List<(string, string)>();
        _databases = GeoDatabases.Open(new GeoOptions { CityDatabase = GeoTestData.City, AsnDatabase = GeoTestData.Asn }, "/", problems);
        Assert.Empty(problems);
        _locator = new GeoLocator(_databases, NullLogger<GeoLocator>.Instance);
    }

    private GeoLocation Locate(string ip) =>
        _locator.Locate(IPAddress.Parse(ip), CloudFrontHeader.Location | CloudFrontHeader.ViewerAsn);

    [Fact]
    public void Locate_London_CountryCityTimeZoneLocation()
    {
        var london = Locate(GeoTestData.LondonIp);
        Assert.Equal(("GB", "United Kingdom", "London", "ENG", "England", "Europe/London"),
            (london.CountryCode, london.CountryName, london.City, london.RegionCode, london.RegionName, london.TimeZone));
        Assert.Equal((51.5142, -0.0931), (london.Latitude, london.Longitude));
    }

    [Fact]
    public void Locate_Boxford_RegionIsFirstLevelSubdivision()
    {
        var boxford = Locate(GeoTestData.BoxfordIp);
        // The database has England, then West Berkshire: CloudFront's region is the first level.
        Assert.Equal(("GB", "Boxford", "ENG", "OX1"), (boxford.CountryCode, boxford.City, boxford.RegionCode, boxford.PostalCode));
    }

    [Fact]
    public void Locate_Milton_UsStateMetroAndPostalCode()
    {
        var milton = Locate(GeoTestData.MiltonIp);
        Assert.Equal(("US", "Milton", "WA", "Washington", "98354", 819, "America/Los_Angeles"),
            (milton.CountryCode, milton.City, milton.RegionCode, milton.RegionName, milton.PostalCode, milton.MetroCode, milton.TimeZone));
    }

    [Fact]
    public void Locate_AsnDatabase_AutonomousSystemNumber()
    {
        Assert.Equal(1221, Locate(GeoTestData.AsnIp).Asn);
    }

    [Fact]
    public void Locate_AddressNotInDatabase_Unknown()
    {
        Assert.Equal(GeoLocation.Unknown, Locate("127.0.0.1"));
    }

    [Fact]
    public void Locate_CountryDatabaseOnly_CountryHeadersOnly()
    {
        using var databases = GeoDatabases.Open(new GeoOptions { CountryDatabase = GeoTestData.Country }, "/", []);
        var location = new GeoLocator(databases, NullLogger<GeoLocator>.Instance).Locate(IPAddress.Parse(GeoTestData.MiltonIp), CloudFrontHeader.Location);
        Assert.Equal(new GeoLocation { CountryCode = "US", CountryName = "United States" }, location);
    }

    public void Dispose() => _databases.Dispose();
}
