using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// The node's side of the registry's node endpoints (docs/registry-contract.md, "Nodes"): the
/// snapshot long-poll and the bundle download, and the POST that metering reports usage with
/// (docs/usage-contract.md). A singleton with its own <see cref="HttpClient"/>:
/// pooled connections are recycled, so a registry behind changing DNS is found again.
/// </summary>
internal sealed class RegionalClient : IDisposable
{
    /// <summary>How much longer than the long-poll's own wait a poll may take before the node gives up on it.</summary>
    private static readonly TimeSpan PollMargin = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan BundleTimeout = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly RegionalOptions _options;

    public RegionalClient(IOptions<RegionalOptions> options, IOptions<FunctionRuntimeOptions> runtime)
    {
        _options = options.Value;
        NodeId = string.IsNullOrWhiteSpace(_options.NodeId) ? runtime.Value.NodeId : _options.NodeId;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        })
        {
            BaseAddress = new Uri(_options.Url!.TrimEnd('/') + "/"),
            // Each call sets its own deadline: a long-poll legitimately takes up to a minute.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.NodeKey);
        _http.DefaultRequestHeaders.Add("X-Edge-Node-Id", NodeId);
    }

    /// <summary>This node's name to the registry: <see cref="RegionalOptions.NodeId"/>, else <c>Runtime:NodeId</c>.</summary>
    public string NodeId { get; }

    /// <summary>
    /// Asks for a snapshot newer than <paramref name="after"/>, waiting up to <see cref="RegionalOptions.PollWaitSeconds"/>
    /// for one; null when nothing changed (204). <paramref name="serving"/> is reported as this node's status.
    /// </summary>
    public async Task<RegionalSnapshot?> PollAsync(long after, long serving, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.PollWaitSeconds) + PollMargin);
        var uri = string.Create(CultureInfo.InvariantCulture, $"v1/edge/snapshot?after={after}&wait={_options.PollWaitSeconds}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("X-Edge-Snapshot-Revision", serving.ToString(CultureInfo.InvariantCulture));
        using var response = await SendAsync(request, "the snapshot", timeout.Token, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        try
        {
            return await JsonSerializer.DeserializeAsync<RegionalSnapshot>(body, EdgeConfigReader.Options, timeout.Token)
                ?? throw new RegionalSyncException("the registry's snapshot is null");
        }
        catch (JsonException ex)
        {
            throw new RegionalSyncException($"the registry's snapshot cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Downloads bundle <paramref name="sha256"/> to <paramref name="destination"/>: streamed to a temp
    /// file while hashed, renamed into place only when the hash matches, so a file under a bundle's
    /// name is always that bundle.
    /// </summary>
    public async Task DownloadBundleAsync(string sha256, string destination, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BundleTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/edge/bundles/" + sha256);
        using var response = await SendAsync(request, $"bundle {sha256}", timeout.Token, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = SnapshotStore.TempPath(destination);
        try
        {
            var actual = await CopyHashedAsync(response, temp, sha256, timeout.Token);
            if (actual != sha256)
            {
                throw new RegionalSyncException($"bundle {sha256} refused: the registry sent bytes whose SHA-256 is {actual}");
            }
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<string> CopyHashedAsync(HttpResponseMessage response, string path, string sha256, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > _options.MaxBundleBytes)
            {
                throw new RegionalSyncException($"bundle {sha256} refused: over Regional:MaxBundleBytes ({_options.MaxBundleBytes} bytes)");
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// POSTs a JSON body to a node endpoint within <paramref name="deadline"/> and returns the answer,
    /// its body read, whatever its status: the caller tells a refusal (400) from a failure worth
    /// retrying. Not reaching the registry, or no answer in time, is a <see cref="RegionalSyncException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, ReadOnlyMemory<byte> json, string what, TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ReadOnlyMemoryContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await TrySendAsync(request, HttpCompletionOption.ResponseContentRead, what, timeout.Token, cancellationToken);
    }

    /// <summary>Sends and checks the status; every failure becomes a <see cref="RegionalSyncException"/> that says what was asked for.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken timeout,
        CancellationToken stopping)
    {
        var response = await TrySendAsync(request, HttpCompletionOption.ResponseHeadersRead, what, timeout, stopping);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var detail = await ProblemDetail(response, timeout);
            throw new RegionalSyncException($"the registry answered {(int)response.StatusCode} {response.ReasonPhrase} for {what}{detail}");
        }
    }

    /// <summary>Sends; not reaching the registry or no answer in time becomes a <see cref="RegionalSyncException"/>.</summary>
    private async Task<HttpResponseMessage> TrySendAsync(HttpRequestMessage request, HttpCompletionOption completion, string what,
        CancellationToken timeout, CancellationToken stopping)
    {
        try
        {
            return await _http.SendAsync(request, completion, timeout);
        }
        catch (HttpRequestException ex)
        {
            throw new RegionalSyncException($"the registry at {_http.BaseAddress} cannot be reached for {what}: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!stopping.IsCancellationRequested)
        {
            throw new RegionalSyncException($"the registry at {_http.BaseAddress} did not answer in time for {what}", ex);
        }
    }

    /// <summary>The problem document's <c>code</c> and <c>detail</c>, when the registry sent one.</summary>
    public static async Task<string> ProblemDetail(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return code is null && detail is null ? "" : $": {code} {detail}".TrimEnd();
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or InvalidOperationException)
        {
            return "";
        }
    }

    public void Dispose() => _http.Dispose();
}
