using EdgeCompute.EdgeCli.Settings;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The registry a command talks to and the API key it sends. Each of the two comes from its option,
/// else its environment variable, else the config file saved by <c>edge login</c>; the sources are
/// kept for messages.
/// </summary>
internal sealed record CliSettings(string? Url, string? UrlSource, string? ApiKey)
{
    public const string UrlVariable = "EDGE_REGISTRY_URL";
    public const string KeyVariable = "EDGE_API_KEY";

    /// <summary>Both values, when a command can run.</summary>
    public bool IsComplete => Url is not null && ApiKey is not null;

    /// <param name="environment">Reads an environment variable (injected so that tests need not change the process's).</param>
    /// <param name="errors">Why the config file could not be read, when it was needed and could not.</param>
    public static async Task<CliSettings> ResolveAsync(string? urlOption, string? keyOption, Func<string, string?> environment,
        CliConfigFile file, List<string> errors, CancellationToken cancellationToken)
    {
        var (url, urlSource) = SettingSources.First((urlOption, "--url"), (environment(UrlVariable), UrlVariable));
        var (key, _) = SettingSources.First((keyOption, "--key"), (environment(KeyVariable), KeyVariable));
        if (url is null || key is null)
        {
            // The file only fills in what the options and environment left out.
            var saved = await file.ReadAsync(errors, cancellationToken);
            if (url is null && !string.IsNullOrEmpty(saved?.Url))
            {
                (url, urlSource) = (saved.Url, file.Path);
            }
            key ??= string.IsNullOrEmpty(saved?.ApiKey) ? null : saved.ApiKey;
        }
        return new CliSettings(url, urlSource, key);
    }

    /// <summary>What is missing, in words that say how to give it.</summary>
    public string Missing()
    {
        var missing = new List<string>();
        if (Url is null)
        {
            missing.Add($"no registry URL (give --url or set {UrlVariable})");
        }
        if (ApiKey is null)
        {
            missing.Add($"no API key (give --key or set {KeyVariable})");
        }
        return "not logged in: " + string.Join(", ", missing) + "; or run 'edge login --url URL --key KEY' once";
    }

    /// <summary>The registry's base address (ending in '/'), or null when <see cref="Url"/> is not an absolute http(s) URL.</summary>
    public Uri? BaseUri() => SettingSources.HttpBaseUri(Url);
}
