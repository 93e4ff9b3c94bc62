namespace EdgeCompute.EdgeNode.Tests.Common;

internal static class HttpClientExtensions
{
    /// <summary><c>GET path</c> with the given request headers, added without validation (as a viewer may send them).</summary>
    public static async Task<HttpResponseMessage> GetWithHeadersAsync(this HttpClient client, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }
}
