using EdgeCompute.Origin.Sample.Billing;
using EdgeCompute.Origin.Sample.Hosting;
using EdgeCompute.Origin.Sample.Logs;
using EdgeCompute.Origin.Sample.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>
/// The real registry with billing (Origin.Sample's, SQLite in a temp folder, on loopback) and the real
/// <c>edge</c> program run against it, as a user runs it. One account, <see cref="AccountId"/>.
/// </summary>
internal sealed class RealRegistry : IAsyncDisposable
{
    public const string AccountId = "111111111111", NodeKey = "real-registry-node-key";

    private readonly WebApplication _app;

    private RealRegistry(WebApplication app, string directory)
    {
        _app = app;
        Directory = directory;
    }

    /// <summary>The temp folder: the registry's data, the CLI's config file, and room for a test's files.</summary>
    public string Directory { get; }

    public string Url => _app.Urls.Single();

    public static async Task<RealRegistry> StartAsync(string apiKey)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("edge-registry-real-").FullName;
        var builder = OriginApp.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataDirectory"] = Path.Combine(directory, "registry"),
            ["Registry:NodeKeys:0"] = NodeKey,
            ["Registry:Accounts:0:Id"] = AccountId,
            ["Registry:Accounts:0:Name"] = "demo",
            ["Registry:Accounts:0:ApiKey"] = apiKey,
        });
        builder.Services.AddRegistry(builder.Configuration);
        builder.Services.AddBilling(builder.Configuration);
        builder.Services.AddLogs(builder.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapRegistry();
        app.MapBilling();
        app.MapLogs();
        await app.StartAsync();
        return new RealRegistry(app, directory);
    }

    /// <summary>Runs <c>edge</c> with the folder's config file, and none of the environment's registry settings.</summary>
    public Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => EdgeCliProcess.RunAsync(Directory,
        new Dictionary<string, string?> { ["EDGE_CONFIG"] = Path.Combine(Directory, "cli.json"), ["EDGE_REGISTRY_URL"] = null, ["EDGE_API_KEY"] = null }, args);

    /// <summary><paramref name="args"/> followed by <c>--url</c> (this registry) and <c>--key</c> <paramref name="apiKey"/>.</summary>
    public string[] WithKey(string apiKey, string[] args) => [.. args, "--url", Url, "--key", apiKey];

    /// <summary>Runs <c>edge</c>, expects exit 0 and returns stdout.</summary>
    public async Task<string> RunOkAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"edge {string.Join(' ', args)}: exit {exit}: {error}");
        return output;
    }

    /// <summary>POSTs <paramref name="json"/> to a node endpoint (<c>v1/edge/usage</c>, <c>v1/edge/logs</c>) with the node key; expects success.</summary>
    public async Task PostAsNodeAsync(string path, string json)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NodeKey);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
