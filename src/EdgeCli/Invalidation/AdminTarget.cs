using System.Text.RegularExpressions;
using EdgeCompute.EdgeCli.Settings;

namespace EdgeCompute.EdgeCli.Invalidation;

/// <summary>
/// Where <c>edge invalidate</c> sends its request and with which token. Each of the two comes from
/// its option, else its environment variable, else the node's config file (<c>Admin.Urls</c>,
/// first of several; <c>Admin.Token</c>); <see cref="UrlSource"/> says which, for messages.
/// </summary>
internal sealed partial record AdminTarget(Uri Endpoint, string? Token, string UrlSource)
{
    public const string UrlVariable = "EDGE_ADMIN_URL";
    public const string TokenVariable = "EDGE_ADMIN_TOKEN";

    /// <summary>The target, or null with every reason in <paramref name="errors"/>.</summary>
    public static AdminTarget? Resolve(string? urlOption, string? tokenOption, string configPath, List<string> errors)
    {
        var (url, urlSource) = SettingSources.First((urlOption, "--admin-url"), (Environment.GetEnvironmentVariable(UrlVariable), UrlVariable));
        var (token, _) = SettingSources.First((tokenOption, "--token"), (Environment.GetEnvironmentVariable(TokenVariable), TokenVariable));
        if (url is null || token is null)
        {
            // The config file only fills in what the options and environment left out.
            var fileErrors = new List<string>();
            var admin = AdminConfigFile.Read(configPath, fileErrors);
            if (url is null && string.IsNullOrWhiteSpace(admin?.Urls))
            {
                var why = admin is null ? string.Join("; ", fileErrors) : $"{configPath} has no Admin.Urls";
                errors.Add($"no admin URL: give --admin-url, set {UrlVariable}, or point --config at the node's edge.json ({why})");
                return null;
            }
            if (url is null)
            {
                url = admin!.Urls!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
                urlSource = $"Admin.Urls in {configPath}";
            }
            token ??= string.IsNullOrEmpty(admin?.Token) ? null : admin.Token;
        }
        if (ToEndpoint(url) is not { } endpoint)
        {
            errors.Add($"admin URL '{url}' (from {urlSource}) is not an absolute http:// or https:// URL");
            return null;
        }
        return new AdminTarget(endpoint, token, urlSource!);
    }

    /// <summary>
    /// <c>BASE/invalidations</c> for an admin URL; a listen address on every interface (<c>*</c>,
    /// <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) is reached on loopback.
    /// </summary>
    private static Uri? ToEndpoint(string url)
    {
        url = AnyHost().Replace(url, m => m.Groups["scheme"].Value + (m.Groups["host"].Value == "[::]" ? "[::1]" : "127.0.0.1"));
        return SettingSources.HttpBaseUri(url) is { } baseUri ? new Uri(baseUri, "invalidations") : null;
    }

    [GeneratedRegex(@"^(?<scheme>https?://)(?<host>\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AnyHost();
}
