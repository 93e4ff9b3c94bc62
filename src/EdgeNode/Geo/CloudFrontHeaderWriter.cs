using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// Writes the CloudFront-* headers a behaviour asks for onto the request, in CloudFront's formats.
/// Only what is asked for is computed: no database lookup without a location or ASN header.
/// </summary>
internal sealed class CloudFrontHeaderWriter
{
    private readonly GeoLocator _locator;

    public CloudFrontHeaderWriter(GeoLocator locator)
    {
        _locator = locator;
    }

    /// <summary>Removes every CloudFront-reserved header the viewer sent: only the node may say where a viewer is.</summary>
    public static void RemoveSpoofed(HttpRequest request)
    {
        List<string>? spoofed = null;
        foreach (var name in request.Headers.Keys)
        {
            if (CloudFrontHeaderNames.IsReserved(name))
            {
                (spoofed ??= []).Add(name);
            }
        }
        spoofed?.ForEach(name => request.Headers.Remove(name));
    }

    /// <param name="viewer">Who the viewer is, as the request's first stage resolved it (<see cref="ViewerAddressResolver"/>).</param>
    public void Write(HttpContext context, CloudFrontHeader wanted, ViewerAddress viewer)
    {
        if (wanted == CloudFrontHeader.None)
        {
            return;
        }
        var request = context.Request;
        var location = (wanted & (CloudFrontHeader.Location | CloudFrontHeader.ViewerAsn)) != 0
            ? _locator.Locate(viewer.Ip, wanted)
            : GeoLocation.Unknown;
        var device = (wanted & CloudFrontHeader.Device) != 0 ? DeviceClassifier.Classify(request.Headers[HeaderNames.UserAgent].ToString()) : default;
        foreach (var (header, name) in CloudFrontHeaderNames.Each)
        {
            if ((wanted & header) != 0 && Value(header, context, viewer, location, device) is { } value)
            {
                request.Headers[name] = value;
            }
        }
    }

    private static string? Value(CloudFrontHeader header, HttpContext context, ViewerAddress viewer, GeoLocation location, DeviceKind device) => header switch
    {
        CloudFrontHeader.ViewerAddress => viewer.ToString(),
        CloudFrontHeader.ViewerHttpVersion => HttpVersion(context.Request.Protocol),
        CloudFrontHeader.ForwardedProto => context.Request.Scheme,
        CloudFrontHeader.ViewerCountry => location.CountryCode,
        CloudFrontHeader.ViewerCountryName => Text(location.CountryName),
        CloudFrontHeader.ViewerCountryRegion => location.RegionCode,
        CloudFrontHeader.ViewerCountryRegionName => Text(location.RegionName),
        CloudFrontHeader.ViewerCity => Text(location.City),
        CloudFrontHeader.ViewerPostalCode => Text(location.PostalCode),
        CloudFrontHeader.ViewerTimeZone => location.TimeZone,
        // CloudFront writes five decimals (42.30680); MaxMind's precision is lower, so nothing is invented.
        CloudFrontHeader.ViewerLatitude => location.Latitude?.ToString("F5", CultureInfo.InvariantCulture),
        CloudFrontHeader.ViewerLongitude => location.Longitude?.ToString("F5", CultureInfo.InvariantCulture),
        CloudFrontHeader.ViewerMetroCode => location.MetroCode?.ToString(CultureInfo.InvariantCulture),
        CloudFrontHeader.ViewerAsn => location.Asn?.ToString(CultureInfo.InvariantCulture),
        CloudFrontHeader.IsDesktopViewer => Flag(device.FormFactor == DeviceFormFactor.Desktop),
        CloudFrontHeader.IsMobileViewer => Flag(device.FormFactor == DeviceFormFactor.Mobile),
        CloudFrontHeader.IsTabletViewer => Flag(device.FormFactor == DeviceFormFactor.Tablet),
        CloudFrontHeader.IsSmartTVViewer => Flag(device.FormFactor == DeviceFormFactor.SmartTV),
        CloudFrontHeader.IsAndroidViewer => Flag(device.IsAndroid),
        CloudFrontHeader.IsIOSViewer => Flag(device.IsIos),
        _ => null,
    };

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>CloudFront's form: <c>1.0</c>, <c>1.1</c>, <c>2.0</c>, <c>3.0</c>.</summary>
    private static string HttpVersion(string protocol) => protocol switch
    {
        "HTTP/2" or "HTTP/2.0" => "2.0",
        "HTTP/3" or "HTTP/3.0" => "3.0",
        "HTTP/1.0" => "1.0",
        _ => "1.1",
    };

    /// <summary>
    /// Place names such as Linköping are not valid in a header value (HttpClient refuses to forward
    /// them): non-ASCII characters are percent-encoded as UTF-8, so the value survives every hop.
    /// </summary>
    private static string? Text(string? value)
    {
        if (value is null || Ascii.IsValid(value) && !value.Any(char.IsControl))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && !Rune.IsControl(rune))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
