namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// Classifies a User-Agent for the CloudFront-Is-*-Viewer headers with a few substring rules, in
/// this order: TV tokens → smart TV; iPad, Android without "Mobile", Kindle/Silk, "Tablet" → tablet;
/// iPhone, iPod, "Mobile", Windows Phone, BlackBerry, Opera Mini → mobile; anything else (and no
/// User-Agent) → desktop. Hand-written because no maintained UA parser is in the package source,
/// and these rules are the documented conventions browsers follow (see README.md for the limits).
/// </summary>
internal static class DeviceClassifier
{
    // Smart TVs often also say "Android" or "Mobile"; their own token decides first.
    private static readonly string[] TvTokens =
        ["SmartTV", "SMART-TV", "Smart-TV", "GoogleTV", "Android TV", "AppleTV", "Apple TV", "HbbTV", "BRAVIA", "NetCast", "Roku", "CrKey", "AFTB", "AFTS", "AFTM", "AFTT", "Web0S", "Tizen TV", "TV Safari"];

    private static readonly string[] TabletTokens = ["iPad", "Tablet", "Kindle", "Silk/", "PlayBook"];

    private static readonly string[] MobileTokens = ["iPhone", "iPod", "Mobile", "Windows Phone", "BlackBerry", "BB10", "Opera Mini", "IEMobile"];

    public static DeviceKind Classify(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return new DeviceKind(DeviceFormFactor.Desktop, false, false);
        }
        var android = Has(userAgent, "Android");
        var ios = Has(userAgent, "iPhone") || Has(userAgent, "iPad") || Has(userAgent, "iPod");
        return new DeviceKind(FormFactor(userAgent, android), android, ios);
    }

    private static DeviceFormFactor FormFactor(string userAgent, bool android)
    {
        if (HasAny(userAgent, TvTokens))
        {
            return DeviceFormFactor.SmartTV;
        }
        // Android browsers put "Mobile" in phones' User-Agents only (Google's guidance to sites).
        if (HasAny(userAgent, TabletTokens) || (android && !Has(userAgent, "Mobile")))
        {
            return DeviceFormFactor.Tablet;
        }
        return HasAny(userAgent, MobileTokens) ? DeviceFormFactor.Mobile : DeviceFormFactor.Desktop;
    }

    private static bool HasAny(string userAgent, string[] tokens)
    {
        foreach (var token in tokens)
        {
            if (Has(userAgent, token))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Has(string userAgent, string token) => userAgent.Contains(token, StringComparison.OrdinalIgnoreCase);
}
