using System.Net;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>
/// Fetches a code zip named by <c>zipUrl</c>, under the same size limit as an upload. Connections go
/// through <see cref="ZipUrlConnector"/>, which refuses non-public addresses; redirects are followed
/// here (the handler's own following is off) so that a hop to another scheme is refused by name.
/// </summary>
internal sealed class ZipUrlFetcher(IHttpClientFactory clients, IOptions<RegistryOptions> options)
{
    public const string ClientName = "registry-zip-url";

    // Enough for a release page that hands over to a CDN, through a signed URL.
    private const int MaxRedirects = 5;

    /// <summary>The handler for <see cref="ClientName"/>: no proxy (the connector must see the real target) and no automatic redirects.</summary>
    public static SocketsHttpHandler CreateHandler(ZipUrlConnector connector) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = connector.ConnectAsync,
    };

    public async Task<byte[]> FetchAsync(string? zipUrl, CancellationToken cancellationToken)
    {
        var uri = CheckUrl(zipUrl, null);
        var client = clients.CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ZipUrlTimeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                    {
                        throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlFailed, $"fetching {zipUrl} was redirected more than {MaxRedirects} times");
                    }
                    uri = CheckUrl(new Uri(uri, location).ToString(), uri);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlFailed,
                        $"fetching {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }
                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                return await LimitedBodyReader.ReadAsync(body, response.Content.Headers.ContentLength, options.Value.MaxZipBytes, timeout.Token);
            }
        }
        // The connector's refusal reaches here wrapped, as any connect failure does.
        catch (HttpRequestException ex) when (ex.InnerException is RegistryProblemException refusal)
        {
            throw refusal;
        }
        catch (HttpRequestException ex)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlFailed, $"fetching {uri} failed: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlFailed,
                $"fetching {uri} took longer than {options.Value.ZipUrlTimeout.TotalSeconds} s");
        }
    }

    private static Uri CheckUrl(string? url, Uri? redirectedFrom)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }
        if (redirectedFrom is not null)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlForbidden,
                $"fetching {redirectedFrom} was redirected to '{url}', which is not an http(s) URL");
        }
        throw RegistryProblemException.Invalid($"zipUrl '{url}' is not an absolute http(s) URL");
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
