using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCompute.EdgeNode.Admin;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.EdgeNode.Tests.Admin;

/// <summary>The admin listener's <c>POST /invalidations</c>, against the real node, origin and cache.</summary>
public sealed class AdminListenerTests
{
    private const string Token = "test-admin-token";

    private static HttpClient AdminClient(EdgeTestEnvironment env, string? token = Token)
    {
        var client = new HttpClient { BaseAddress = new Uri(env.Services.GetRequiredService<AdminListenerService>().Urls.Single()) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private static async Task<string?> CacheStatusAsync(EdgeTestEnvironment env, string path) =>
        (await env.Client.GetAsync(path)).Headers.TryGetValues("X-Cache", out var v) ? v.Single() : null;

    [Fact]
    public async Task Invalidations_Wildcard_RemovesMatchingPathsOnly()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        string[] paths = ["/cacheable/img/a?cc=max-age=60", "/cacheable/img/b?cc=max-age=60&v=2", "/cacheable/other?cc=max-age=60"];
        foreach (var path in paths)
        {
            await env.Client.GetAsync(path);
        }
        using var admin = AdminClient(env);

        var response = await admin.PostAsJsonAsync("/invalidations", new { paths = new[] { "/cacheable/img/*" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, result.GetProperty("invalidated").GetInt32());
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, paths[0]));
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, paths[1]));
        Assert.Equal("Hit from edge", await CacheStatusAsync(env, paths[2]));
    }

    [Fact]
    public async Task Invalidations_ExactPath_RemovesEveryQueryVariant()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        await env.Client.GetAsync("/cacheable/page?cc=max-age=60&v=1");
        await env.Client.GetAsync("/cacheable/page?cc=max-age=60&v=2");
        using var admin = AdminClient(env);

        var response = await admin.PostAsJsonAsync("/invalidations", new { paths = new[] { "/cacheable/page" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, "/cacheable/page?cc=max-age=60&v=1"));
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, "/cacheable/page?cc=max-age=60&v=2"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Invalidations_WithoutRightToken_Unauthorized(string? token)
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        await env.Client.GetAsync("/cacheable/kept?cc=max-age=60");
        using var admin = AdminClient(env, token);

        var response = await admin.PostAsJsonAsync("/invalidations", new { paths = new[] { "/*" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Hit from edge", await CacheStatusAsync(env, "/cacheable/kept?cc=max-age=60"));
    }

    [Theory]
    [InlineData("""{"paths": []}""")]
    [InlineData("""{"paths": ["images/*"]}""")]
    [InlineData("""{"paths": "/a"}""")]
    [InlineData("not json")]
    public async Task Invalidations_BadBody_400(string body)
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        using var admin = AdminClient(env);

        var response = await admin.PostAsync("/invalidations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_NotOnTrafficListener()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, "/invalidations") { Content = JsonContent.Create(new { paths = new[] { "/*" } }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var response = await env.Client.SendAsync(request);

        // The viewer path /invalidations goes to the origin like any other.
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/invalidations"));
        Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
    }
}
