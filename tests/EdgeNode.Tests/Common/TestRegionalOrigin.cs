using System.Net.Http.Headers;
using EdgeCompute.Origin.Sample.Billing;
using EdgeCompute.Origin.Sample.Content;
using EdgeCompute.Origin.Sample.Hosting;
using EdgeCompute.Origin.Sample.Logs;
using EdgeCompute.Origin.Sample.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>
/// The real regional origin (sample content and registry, a real SQLite file) hosted in-process on a
/// fixed loopback port, so that it can be stopped and started again where the nodes expect it.
/// </summary>
internal sealed class TestRegionalOrigin : IAsyncDisposable
{
    public const string AccountId = "111111111111";
    public const string ApiKey = "e2e-account-key";
    public const string NodeKey = "e2e-node-key";

    private readonly string _dataDirectory;
    private WebApplication? _app;

    private TestRegionalOrigin(string dataDirectory, int port)
    {
        _dataDirectory = dataDirectory;
        Port = port;
        Api = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The registry API as the account's owner calls it.</summary>
    public HttpClient Api { get; }

    public static async Task<TestRegionalOrigin> StartAsync(string dataDirectory)
    {
        var origin = new TestRegionalOrigin(dataDirectory, LoopbackPort.Free());
        await origin.StartAgainAsync();
        return origin;
    }

    /// <summary>Starts on the same port and data directory: what a restarted regional origin is.</summary>
    public async Task StartAgainAsync()
    {
        var builder = OriginApp.CreateBuilder([
            "--urls", Url,
            "--Registry:DataDirectory", _dataDirectory,
            "--Registry:Accounts:0:Id", AccountId,
            "--Registry:Accounts:0:Name", "e2e",
            "--Registry:Accounts:0:ApiKey", ApiKey,
            "--Registry:NodeKeys:0", NodeKey,
        ]);
        builder.Logging.ClearProviders();
        builder.Services.AddSampleOrigin();
        builder.Services.AddRegistry(builder.Configuration);
        builder.Services.AddBilling(builder.Configuration);
        builder.Services.AddLogs(builder.Configuration);
        var app = builder.Build();
        app.MapRegistry();
        app.MapBilling();
        app.MapLogs();
        app.MapSampleOrigin();
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await StopAsync();
    }
}
