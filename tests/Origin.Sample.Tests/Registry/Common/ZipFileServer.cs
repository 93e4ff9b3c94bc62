using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Common;

/// <summary>Serves one zip on loopback, standing in for the bucket a <c>zipUrl</c> points at.</summary>
internal sealed class ZipFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ZipFileServer(WebApplication app, byte[] zip)
    {
        _app = app;
        Url = app.Urls.Single().TrimEnd('/') + "/code.zip";
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(zip));
    }

    public string Url { get; }

    public string Sha256 { get; }

    public static async Task<ZipFileServer> StartAsync(byte[] zip)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/code.zip", () => Results.File(zip, "application/zip"));
        await app.StartAsync();
        return new ZipFileServer(app, zip);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
