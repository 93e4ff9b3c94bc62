using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Common;

/// <summary>
/// Serves one zip on loopback, standing in for the bucket a <c>zipUrl</c> points at; <c>/redirect?to=URL</c>
/// answers 302 to any URL. The registry refuses loopback unless a test allows it (<see cref="AllowLoopback"/>).
/// </summary>
internal sealed class ZipFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ZipFileServer(WebApplication app, byte[] zip)
    {
        _app = app;
        Origin = app.Urls.Single().TrimEnd('/');
        Url = Origin + "/code.zip";
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(zip));
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string Origin { get; }

    public string Url { get; }

    /// <summary>A URL on this server that redirects to <paramref name="target"/>.</summary>
    public string RedirectTo(string target) => $"{Origin}/redirect?to={Uri.EscapeDataString(target)}";

    /// <summary>The registry setting that lets a <c>zipUrl</c> reach loopback test servers such as this one.</summary>
    public static IReadOnlyDictionary<string, string?> AllowLoopback { get; } =
        new Dictionary<string, string?> { ["Registry:ZipUrlAllowedHosts:0"] = "127.0.0.1" };

    public string Sha256 { get; }

    public static async Task<ZipFileServer> StartAsync(byte[] zip)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/code.zip", () => Results.File(zip, "application/zip"));
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        await app.StartAsync();
        return new ZipFileServer(app, zip);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
