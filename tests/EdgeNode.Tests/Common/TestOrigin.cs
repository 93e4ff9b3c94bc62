using System.Net.Http.Json;
using EdgeCompute.Origin.Sample.Content;
using EdgeCompute.Origin.Sample.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>
/// The real sample origin, hosted in-process on a free loopback port: the first of the three actors
/// of a functional test. Its hit counter tells whether the edge went to the origin.
/// </summary>
internal sealed class TestOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _control;

    private TestOrigin(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        _control = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; }

    public int Port => BaseUri.Port;

    public static async Task<TestOrigin> StartAsync()
    {
        var builder = OriginApp.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.Services.AddSampleOrigin();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapSampleOrigin();
        await app.StartAsync();
        var address = app.Urls.Single();
        return new TestOrigin(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async Task<OriginHits> GetHitsAsync() =>
        await _control.GetFromJsonAsync<OriginHits>("_origin/hits") ?? throw new InvalidOperationException("no hit counts");

    public async Task ResetHitsAsync() => (await _control.PostAsync("_origin/hits/reset", null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The origin's <c>GET /_origin/hits</c>: requests that reached it, in total and per path.</summary>
internal sealed record OriginHits(long Total, Dictionary<string, long> Paths)
{
    public long For(string path) => Paths.GetValueOrDefault(path);
}
