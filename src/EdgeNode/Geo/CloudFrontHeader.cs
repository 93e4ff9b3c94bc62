namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// The CloudFront-* request headers the node can add, as flags: a behaviour's set says which it
/// adds, so a behaviour that asks for none costs nothing.
/// </summary>
[Flags]
public enum CloudFrontHeader
{
    None = 0,
    ViewerAddress = 1 << 0,
    ViewerHttpVersion = 1 << 1,
    ForwardedProto = 1 << 2,
    ViewerCountry = 1 << 3,
    ViewerCountryName = 1 << 4,
    ViewerCountryRegion = 1 << 5,
    ViewerCountryRegionName = 1 << 6,
    ViewerCity = 1 << 7,
    ViewerPostalCode = 1 << 8,
    ViewerTimeZone = 1 << 9,
    ViewerLatitude = 1 << 10,
    ViewerLongitude = 1 << 11,
    ViewerMetroCode = 1 << 12,
    ViewerAsn = 1 << 13,
    IsDesktopViewer = 1 << 14,
    IsMobileViewer = 1 << 15,
    IsTabletViewer = 1 << 16,
    IsSmartTVViewer = 1 << 17,
    IsAndroidViewer = 1 << 18,
    IsIOSViewer = 1 << 19,

    /// <summary>Headers that need the City or Country database.</summary>
    Location = ViewerCountry | ViewerCountryName | ViewerCountryRegion | ViewerCountryRegionName | ViewerCity |
        ViewerPostalCode | ViewerTimeZone | ViewerLatitude | ViewerLongitude | ViewerMetroCode,

    /// <summary>Headers that need the User-Agent classified.</summary>
    Device = IsDesktopViewer | IsMobileViewer | IsTabletViewer | IsSmartTVViewer | IsAndroidViewer | IsIOSViewer,
}
