using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Performs the HTTP requests a function queued with <c>fetch</c> (or <c>http</c>/<c>https</c>),
/// for both engines: the bridge's <c>drain</c> hands over a batch as JSON, each request is sent
/// synchronously on the invocation's thread (as the timers' sleep is), and each result goes back as
/// JSON for the bridge's <c>ioDone</c>. Only strings cross: no .NET object reaches the function.
/// </summary>
/// <remarks>
/// One shared <see cref="HttpClient"/>: no cookies, no proxy, no automatic redirects. Redirects are
/// followed here (at most <see cref="MaxRedirects"/>) and each hop is checked against the function's
/// <c>allowedHosts</c> again. Every request is bounded by the invocation's remaining time; a request
/// still running at the deadline is a timeout.
/// </remarks>
internal static class FunctionFetcher
{
    /// <summary>Prefix of a <c>drain</c> answer that is a batch of requests rather than an envelope.</summary>
    public const string IoPrefix = "\u0001IO";

    /// <summary>The largest response body a function may receive.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const int MaxRedirects = 5;

    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Whether <paramref name="uri"/>'s host (and port, when the entry has one) is in <paramref name="allowedHosts"/>.</summary>
    public static bool IsAllowed(Uri uri, IReadOnlyList<string> allowedHosts)
    {
        var host = uri.IdnHost.Trim('[', ']');
        foreach (var entry in allowedHosts)
        {
            var e = entry.Trim();
            var entryHost = e;
            int? entryPort = null;
            var colon = e.LastIndexOf(':');
            var isPortForm = e.StartsWith('[') ? colon > e.IndexOf(']') : colon > 0 && e.IndexOf(':') == colon;
            if (isPortForm && int.TryParse(e[(colon + 1)..], out var p))
            {
                entryHost = e[..colon];
                entryPort = p;
            }
            entryHost = entryHost.Trim('[', ']');
            if (string.Equals(entryHost, host, StringComparison.OrdinalIgnoreCase) && (entryPort is null || entryPort == uri.Port))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Performs the batch (<c>[{id, url, method, headers, body, redirect}]</c>) in order. Returns
    /// each request's id and result JSON, or null when the deadline came before every request finished.
    /// </summary>
    public static List<(double Id, string Result)>? Perform(string batchJson, IReadOnlyList<string> allowedHosts, long deadline)
    {
        using var batch = JsonDocument.Parse(batchJson);
        var results = new List<(double, string)>();
        foreach (var item in batch.RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetDouble();
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            using var cts = new CancellationTokenSource(left);
            string result;
            try
            {
                result = Send(item, allowedHosts, cts.Token);
            }
            catch (Exception) when (cts.IsCancellationRequested)
            {
                // Past the deadline (the read may end as an I/O error when the response is disposed).
                return null;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or FormatException or UriFormatException or ObjectDisposedException)
            {
                result = Error("fetch failed: " + (ex.InnerException?.Message ?? ex.Message));
            }
            results.Add((id, result));
        }
        return results;
    }

    private static string Error(string message) => JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message });

    private static string Send(JsonElement item, IReadOnlyList<string> allowedHosts, CancellationToken token)
    {
        var uri = new Uri(item.GetProperty("url").GetString()!, UriKind.Absolute);
        var method = item.GetProperty("method").GetString() ?? "GET";
        var redirect = item.TryGetProperty("redirect", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : "follow";
        byte[]? body = item.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? Convert.FromBase64String(b.GetString()!) : null;
        var headers = new List<(string, string)>();
        if (item.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in h.EnumerateArray())
            {
                headers.Add((pair[0].GetString() ?? "", pair[1].GetString() ?? ""));
            }
        }
        for (var hop = 0; ; hop++)
        {
            if (uri.Scheme is not ("http" or "https"))
            {
                return Error($"fetch failed: only http and https URLs can be fetched, not {uri.Scheme}:");
            }
            if (!IsAllowed(uri, allowedHosts))
            {
                return Error($"fetch failed: host '{uri.Authority}' is not in the function's allowedHosts");
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), uri);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
            }
            foreach (var (name, value) in headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
            using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead, token);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && redirect != "manual")
            {
                if (redirect == "error")
                {
                    return Error($"fetch failed: redirect to {location} with redirect: 'error'");
                }
                if (hop >= MaxRedirects)
                {
                    return Error($"fetch failed: more than {MaxRedirects} redirects");
                }
                uri = new Uri(uri, location);
                if (status == 303 || (status is 301 or 302 && method == "POST"))
                {
                    method = method == "HEAD" ? "HEAD" : "GET";
                    body = null;
                    headers.RemoveAll(x => x.Item1.StartsWith("content-", StringComparison.OrdinalIgnoreCase));
                }
                continue;
            }
            // A synchronous read does not watch the token: disposing the response at the deadline ends it.
            using var abort = token.Register(response.Dispose);
            using var stream = response.Content.ReadAsStream(token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                token.ThrowIfCancellationRequested();
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return Error($"fetch failed: the response body of {uri} is over the {MaxBodyBytes / 1024 / 1024} MB limit");
                }
                buffer.Write(chunk, 0, read);
            }
            var outHeaders = new List<string[]>();
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                foreach (var value in header.Value)
                {
                    outHeaders.Add([header.Key.ToLowerInvariant(), value]);
                }
            }
            return JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["status"] = status,
                ["statusText"] = response.ReasonPhrase ?? "",
                ["url"] = uri.ToString(),
                ["redirected"] = hop > 0,
                ["headers"] = outHeaders,
                ["bodyBase64"] = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length),
            });
        }
    }
}
