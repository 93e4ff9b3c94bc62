using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Common;

/// <summary>An HTTP client for the registry acting with one key; answers are read as JSON nodes.</summary>
internal sealed class RegistryClient(Uri baseUri, string? key) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(90) };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json = null, IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json as string ?? JsonSerializer.Serialize(json), Encoding.UTF8, "application/json");
        }
        return SendAsync(request, headers);
    }

    public Task<HttpResponseMessage> SendZipAsync(HttpMethod method, string path, byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return SendAsync(new HttpRequestMessage(method, path) { Content = content }, null);
    }

    public Task<HttpResponseMessage> GetAsync(string path, IDictionary<string, string>? headers = null) => SendAsync(HttpMethod.Get, path, null, headers);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<HttpResponseMessage> PostAsync(string path, object? json = null) => SendAsync(HttpMethod.Post, path, json);

    public Task<HttpResponseMessage> PutAsync(string path, object json) => SendAsync(HttpMethod.Put, path, json);

    public Task<HttpResponseMessage> PatchAsync(string path, object json) => SendAsync(HttpMethod.Patch, path, json);

    /// <summary>Sends and expects <paramref name="status"/>; returns the JSON body (null when there is none).</summary>
    public async Task<JsonNode?> ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    public async Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending) => (await ExpectAsync(HttpStatusCode.OK, sending))!;

    public async Task<JsonNode> CreatedAsync(Task<HttpResponseMessage> sending) => (await ExpectAsync(HttpStatusCode.Created, sending))!;

    public Task NoContentAsync(Task<HttpResponseMessage> sending) => ExpectAsync(HttpStatusCode.NoContent, sending);

    /// <summary>Expects a problem+json refusal with the status and code, and a detail that says something.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpStatusCode status, string code, Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), body);
        return problem;
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, IDictionary<string, string>? headers)
    {
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
