using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// The registry's HTTP API (<c>docs/registry-contract.md</c>) with one account's key. Every call
/// answers a <see cref="RegistryResponse"/>; only cancellation by the user throws.
/// </summary>
internal sealed class RegistryClient(HttpClient http, Uri baseUri, string apiKey)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    // An upload of the largest zip the registry takes (50 MB) over a slow uplink.
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(15);

    private static readonly MediaTypeHeaderValue Zip = new("application/zip");

    public Uri BaseUri { get; } = baseUri;

    /// <summary><c>v1/a/b</c> with each segment escaped (names such as <c>$LATEST</c> or a KVS key with '/').</summary>
    public static string Path(params string[] segments) => "v1/" + string.Join('/', segments.Select(Uri.EscapeDataString));

    public Task<RegistryResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, RequestTimeout, cancellationToken);

    public Task<RegistryResponse> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, RequestTimeout, cancellationToken);

    public Task<RegistryResponse> SendJsonAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, JsonContent.Create(body ?? new JsonObject()), RequestTimeout, cancellationToken);

    /// <summary>Sends a zip as the raw body, reporting the bytes sent so far to <paramref name="progress"/>.</summary>
    public Task<RegistryResponse> UploadZipAsync(HttpMethod method, string path, Stream zip, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var content = new ProgressContent(zip, progress);
        content.Headers.ContentType = Zip;
        return SendAsync(method, path, content, UploadTimeout, cancellationToken);
    }

    private async Task<RegistryResponse> SendAsync(HttpMethod method, string path, HttpContent? content, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri, path);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return RegistryResponse.FromAnswer((int)response.StatusCode, response.ReasonPhrase, body);
        }
        catch (HttpRequestException ex)
        {
            return RegistryResponse.Unreachable($"cannot reach the registry at {uri}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RegistryResponse.Unreachable($"the registry at {uri} did not answer within {timeout.TotalSeconds:0} s");
        }
    }
}
