using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>Fetches a code zip named by <c>zipUrl</c>, under the same size limit as an upload.</summary>
internal sealed class ZipUrlFetcher(IHttpClientFactory clients, IOptions<RegistryOptions> options)
{
    public const string ClientName = "registry-zip-url";

    public async Task<byte[]> FetchAsync(string? zipUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(zipUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw RegistryProblemException.Invalid($"zipUrl '{zipUrl}' is not an absolute http(s) URL");
        }
        var client = clients.CreateClient(ClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ZipUrlTimeout);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw RegistryProblemException.BadRequest(ErrorCodes.ZipUrlFailed,
                    $"fetching {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await LimitedBodyReader.ReadAsync(body, response.Content.Headers.ContentLength, options.Value.MaxZipBytes, timeout.Token);
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
}
