using System.Collections.Frozen;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>CloudFront's spelling of each header it adds, and the reverse look-up for policies.</summary>
public static class CloudFrontHeaderNames
{
    private static readonly (CloudFrontHeader Header, string Name)[] All =
    [
        (CloudFrontHeader.ViewerAddress, "CloudFront-Viewer-Address"),
        (CloudFrontHeader.ViewerHttpVersion, "CloudFront-Viewer-Http-Version"),
        (CloudFrontHeader.ForwardedProto, "CloudFront-Forwarded-Proto"),
        (CloudFrontHeader.ViewerCountry, "CloudFront-Viewer-Country"),
        (CloudFrontHeader.ViewerCountryName, "CloudFront-Viewer-Country-Name"),
        (CloudFrontHeader.ViewerCountryRegion, "CloudFront-Viewer-Country-Region"),
        (CloudFrontHeader.ViewerCountryRegionName, "CloudFront-Viewer-Country-Region-Name"),
        (CloudFrontHeader.ViewerCity, "CloudFront-Viewer-City"),
        (CloudFrontHeader.ViewerPostalCode, "CloudFront-Viewer-Postal-Code"),
        (CloudFrontHeader.ViewerTimeZone, "CloudFront-Viewer-Time-Zone"),
        (CloudFrontHeader.ViewerLatitude, "CloudFront-Viewer-Latitude"),
        (CloudFrontHeader.ViewerLongitude, "CloudFront-Viewer-Longitude"),
        (CloudFrontHeader.ViewerMetroCode, "CloudFront-Viewer-Metro-Code"),
        (CloudFrontHeader.ViewerAsn, "CloudFront-Viewer-ASN"),
        (CloudFrontHeader.IsDesktopViewer, "CloudFront-Is-Desktop-Viewer"),
        (CloudFrontHeader.IsMobileViewer, "CloudFront-Is-Mobile-Viewer"),
        (CloudFrontHeader.IsTabletViewer, "CloudFront-Is-Tablet-Viewer"),
        (CloudFrontHeader.IsSmartTVViewer, "CloudFront-Is-SmartTV-Viewer"),
        (CloudFrontHeader.IsAndroidViewer, "CloudFront-Is-Android-Viewer"),
        (CloudFrontHeader.IsIOSViewer, "CloudFront-Is-IOS-Viewer"),
    ];

    private static readonly FrozenDictionary<string, CloudFrontHeader> ByName =
        All.ToFrozenDictionary(h => h.Name, h => h.Header, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every single header with its name, in a fixed order.</summary>
    public static IReadOnlyList<(CloudFrontHeader Header, string Name)> Each => All;

    public static bool TryParse(string name, out CloudFrontHeader header) => ByName.TryGetValue(name, out header);

    /// <summary>A name in CloudFront's reserved family: a policy naming one we do not know is a config error.</summary>
    public static bool IsCloudFrontName(string name) => name.StartsWith("CloudFront-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Headers only CloudFront may set: a viewer that sends them is spoofing, so they are removed
    /// before anything reads the request.
    /// </summary>
    public static bool IsReserved(string name) =>
        name.StartsWith("CloudFront-Viewer-", StringComparison.OrdinalIgnoreCase) ||
        (name.StartsWith("CloudFront-Is-", StringComparison.OrdinalIgnoreCase) && name.EndsWith("-Viewer", StringComparison.OrdinalIgnoreCase)) ||
        name.Equals("CloudFront-Forwarded-Proto", StringComparison.OrdinalIgnoreCase);

    public static string Known => string.Join(", ", All.Select(h => h.Name));
}
