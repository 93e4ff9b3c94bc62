using EdgeCompute.EdgeNode.Geo;

namespace EdgeCompute.EdgeNode.Tests.Geo;

public sealed class GeoDatabasesTests
{
    [Fact]
    public void Open_MissingFile_ProblemNamesFile()
    {
        var problems = new List<(string Setting, string Message)>();
        using var databases = GeoDatabases.Open(new GeoOptions { CityDatabase = "nowhere/City.mmdb" }, "/tmp", problems);

        Assert.Null(databases.City);
        var (setting, message) = Assert.Single(problems);
        Assert.Equal("CityDatabase", setting);
        Assert.Contains("/tmp/nowhere/City.mmdb does not exist", message);
    }

    [Fact]
    public void Open_CorruptFile_ProblemSaysWhy()
    {
        var problems = new List<(string Setting, string Message)>();
        using var databases = GeoDatabases.Open(new GeoOptions { CityDatabase = GeoTestData.Broken }, "/", problems);

        Assert.Null(databases.City);
        var (_, message) = Assert.Single(problems);
        Assert.Contains("GeoIP2-City-Test-Broken-Double-Format.mmdb cannot be read", message);
        Assert.Contains("invalid size of double", message);
    }

    [Fact]
    public void Open_WrongKind_ProblemSaysWhichKind()
    {
        var problems = new List<(string Setting, string Message)>();
        using var databases = GeoDatabases.Open(new GeoOptions { AsnDatabase = GeoTestData.City }, "/", problems);

        Assert.Null(databases.Asn);
        Assert.Contains("is a GeoIP2-City database; AsnDatabase needs ASN data", Assert.Single(problems).Message);
    }
}
