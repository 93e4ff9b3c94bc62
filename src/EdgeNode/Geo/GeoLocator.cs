using System.Net;
using MaxMind.GeoIP2.Responses;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// Looks a viewer address up in the databases. Never throws: a lookup that fails (an address the
/// database cannot decode) gives what the other databases know and a warning, not a 500.
/// </summary>
internal sealed class GeoLocator
{
    private readonly GeoDatabases _databases;
    private readonly ILogger _logger;

    public GeoLocator(GeoDatabases databases, ILogger<GeoLocator> logger)
    {
        _databases = databases;
        _logger = logger;
    }

    public GeoLocation Locate(IPAddress address, CloudFrontHeader wanted)
    {
        var location = (wanted & CloudFrontHeader.Location) != 0 ? Place(address) : GeoLocation.Unknown;
        if ((wanted & CloudFrontHeader.ViewerAsn) != 0 && _databases.Asn is { } asn)
        {
            try
            {
                if (asn.TryAsn(address, out var response))
                {
                    location = location with { Asn = response!.AutonomousSystemNumber };
                }
            }
            catch (Exception ex)
            {
                GeoLog.LookupFailed(_logger, address.ToString(), "ASN", ex.Message);
            }
        }
        return location;
    }

    private GeoLocation Place(IPAddress address)
    {
        try
        {
            if (_databases.City is { } city)
            {
                return city.TryCity(address, out var response) ? FromCity(response!) : GeoLocation.Unknown;
            }
            if (_databases.Country is { } country && country.TryCountry(address, out var countryResponse))
            {
                return new GeoLocation { CountryCode = countryResponse!.Country.IsoCode, CountryName = countryResponse.Country.Name };
            }
        }
        catch (Exception ex)
        {
            GeoLog.LookupFailed(_logger, address.ToString(), _databases.City is null ? "Country" : "City", ex.Message);
        }
        return GeoLocation.Unknown;
    }

    private static GeoLocation FromCity(CityResponse response)
    {
        // CloudFront's region is the first-level (least specific) subdivision; MaxMind lists them largest first.
        var region = response.Subdivisions.Count > 0 ? response.Subdivisions[0] : null;
        return new GeoLocation
        {
            CountryCode = response.Country.IsoCode,
            CountryName = response.Country.Name,
            RegionCode = region?.IsoCode,
            RegionName = region?.Name,
            City = response.City.Name,
            PostalCode = response.Postal.Code,
            TimeZone = response.Location.TimeZone,
            Latitude = response.Location.Latitude,
            Longitude = response.Location.Longitude,
#pragma warning disable CS0618 // MaxMind no longer maintains metro codes, but CloudFront still sends the header and databases still carry them.
            MetroCode = response.Location.MetroCode,
#pragma warning restore CS0618
        };
    }
}
