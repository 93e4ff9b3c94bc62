using EdgeCompute.Origin.Sample.Observability;
using EdgeCompute.Origin.Sample.Billing;
using EdgeCompute.Origin.Sample.Content;
using EdgeCompute.Origin.Sample.Hosting;
using EdgeCompute.Origin.Sample.Logs;
using EdgeCompute.Origin.Sample.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Common;

/// <summary>
/// The origin with its registry and billing, wired as Program.cs wires it, on a free loopback port with its data
/// in a temporary directory. Three accounts are seeded: A, B and C.
/// </summary>
internal sealed class RegistryServer : IAsyncDisposable
{
    public const string AccountA = "111111111111", KeyA = "key-a";
    public const string AccountB = "222222222222", KeyB = "key-b";
    public const string AccountC = "333333333333", KeyC = "key-c";
    public const string AdminKey = "admin-key", NodeKey = "node-key";

    /// <summary>Small enough that tests can pass them; above the viewer events' 1 MB so that limit can be tested too.</summary>
    public const long MaxZipBytes = 1_500_000, MaxUnzippedBytes = 1_500_000;

    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;
    private bool _stopped;

    private RegistryServer(WebApplication app, string dataDirectory, bool ownsDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        var address = app.Urls.Single();
        BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri BaseUri { get; }

    public string DataDirectory { get; }

    /// <summary>The server's services, for what tests call directly (e.g. a blob collection).</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="dataDirectory">Reused by restart tests; a new temporary directory when null.</param>
    /// <param name="settings">More configuration (e.g. <c>Registry:ZipUrlAllowedHosts:0</c>, <c>Billing:*</c> prices), over the defaults above.</param>
    public static async Task<RegistryServer> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "registry-tests-" + Guid.NewGuid().ToString("N"));
        var builder = OriginApp.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataDirectory"] = dataDirectory,
            ["Registry:AdminKey"] = AdminKey,
            ["Registry:NodeKeys:0"] = NodeKey,
            ["Registry:MaxZipBytes"] = MaxZipBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registry:MaxUnzippedBytes"] = MaxUnzippedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registry:Accounts:0:Id"] = AccountA, ["Registry:Accounts:0:Name"] = "alpha", ["Registry:Accounts:0:ApiKey"] = KeyA,
            ["Registry:Accounts:1:Id"] = AccountB, ["Registry:Accounts:1:Name"] = "beta", ["Registry:Accounts:1:ApiKey"] = KeyB,
            ["Registry:Accounts:2:Id"] = AccountC, ["Registry:Accounts:2:Name"] = "gamma", ["Registry:Accounts:2:ApiKey"] = KeyC,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSampleOrigin();
        builder.Services.AddRegistry(builder.Configuration);
        builder.Services.AddBilling(builder.Configuration);
        builder.Services.AddOriginObservability(builder.Configuration);
        builder.Services.AddLogs(builder.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapRegistry();
        app.MapBilling();
        app.MapOriginObservability();
        app.MapLogs();
        app.MapSampleOrigin();
        await app.StartAsync();
        return new RegistryServer(app, dataDirectory, owns);
    }

    /// <summary>A client that sends <paramref name="key"/> as its bearer key (none when null).</summary>
    public RegistryClient Client(string? key) => new(BaseUri, key);

    public RegistryClient A => Client(KeyA);
    public RegistryClient B => Client(KeyB);
    public RegistryClient C => Client(KeyC);
    public RegistryClient Node => Client(NodeKey);

    /// <summary>Stops the server but keeps its data directory, for restart tests.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }
}
