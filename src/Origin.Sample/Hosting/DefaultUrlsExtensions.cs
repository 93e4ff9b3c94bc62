namespace EdgeCompute.Origin.Sample.Hosting;

internal static class DefaultUrlsExtensions
{
    /// <summary>
    /// Binds to <paramref name="defaultUrls"/> only when nothing else chose an address.
    /// Calling UseUrls unconditionally would silently override --urls and ASPNETCORE_URLS,
    /// which tests and scripts use to run the origin on a free port.
    /// </summary>
    public static IWebHostBuilder UseUrlsIfUnconfigured(
        this IWebHostBuilder webHost, IConfiguration configuration, string defaultUrls)
    {
        // "urls" covers --urls, ASPNETCORE_URLS and DOTNET_URLS; the port settings and Kestrel
        // endpoint configuration are the other documented ways of choosing an address.
        var configured =
            !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) ||
            !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey]) ||
            !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]) ||
            configuration.GetSection("Kestrel:Endpoints").Exists();

        return configured ? webHost : webHost.UseUrls(defaultUrls);
    }
}
