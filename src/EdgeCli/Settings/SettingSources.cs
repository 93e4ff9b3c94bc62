namespace EdgeCompute.EdgeCli.Settings;

/// <summary>
/// How the CLI picks a setting given in several places: the first non-empty of its sources in
/// precedence order (option, environment variable, file), with the source's name for messages.
/// </summary>
internal static class SettingSources
{
    public static (string? Value, string? Source) First(params (string? Value, string Source)[] candidates)
    {
        foreach (var (value, source) in candidates)
        {
            if (!string.IsNullOrEmpty(value))
            {
                return (value, source);
            }
        }
        return (null, null);
    }

    /// <summary>
    /// An absolute http(s) URL as a base address ending in '/', so that relative paths resolve below
    /// it (<c>http://h/edge</c> + <c>v1/x</c> = <c>http://h/edge/v1/x</c>); null for anything else.
    /// </summary>
    public static Uri? HttpBaseUri(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        return uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
    }
}
