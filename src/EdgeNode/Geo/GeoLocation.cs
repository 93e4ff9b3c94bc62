namespace EdgeCompute.EdgeNode.Geo;

/// <summary>What the databases know about one viewer address; any part may be missing.</summary>
internal sealed record GeoLocation
{
    public static GeoLocation Unknown { get; } = new();

    public string? CountryCode { get; init; }
    public string? CountryName { get; init; }

    /// <summary>The first-level subdivision's ISO 3166-2 code, without the country prefix (e.g. <c>WA</c>, <c>ENG</c>).</summary>
    public string? RegionCode { get; init; }

    public string? RegionName { get; init; }
    public string? City { get; init; }
    public string? PostalCode { get; init; }
    public string? TimeZone { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? MetroCode { get; init; }
    public long? Asn { get; init; }
}
