using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;
using EdgeCompute.Origin.Sample.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary>
/// The <c>edge</c> program against the real registry (Origin.Sample's, SQLite in a temp folder, on
/// loopback): the path a user takes from a function folder to an alias.
/// </summary>
public sealed class RegistryServerCliTests : IAsyncLifetime
{
    private const string ApiKey = "cli-test-key";

    private readonly string _dir = Directory.CreateTempSubdirectory("edge-registry-real-").FullName;
    private WebApplication? _registry;

    private string Url => _registry!.Urls.Single();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataDirectory"] = Path.Combine(_dir, "registry"),
            ["Registry:Accounts:0:Id"] = "111111111111",
            ["Registry:Accounts:0:Name"] = "demo",
            ["Registry:Accounts:0:ApiKey"] = ApiKey,
        });
        builder.Services.AddRegistry(builder.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _registry = builder.Build();
        _registry.MapRegistry();
        await _registry.StartAsync();
    }

    [Fact]
    public async Task DeployPublishAliasThenList_FunctionHasCodeAndTheAliasPointsAtVersionOne()
    {
        var folder = Path.Combine(_dir, "hello");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.js"), "exports.handler = async (event) => event.Records[0].cf.request;");
        File.WriteAllText(Path.Combine(folder, "function.json"), """{ "runtime": "nodejs20.x", "memorySize": 256 }""");

        await RunOkAsync("login", "--url", Url, "--key", ApiKey);
        await RunOkAsync("functions", "deploy", folder);
        var published = await RunOkAsync("functions", "publish", "hello", "--description", "first", "--json");
        await RunOkAsync("aliases", "set", "hello", "live", "1");
        var list = await RunOkAsync("functions", "list", "--json");
        var aliases = await RunOkAsync("aliases", "list", "hello");

        using (var version = JsonDocument.Parse(published))
        {
            Assert.Equal("1", version.RootElement.GetProperty("version").ToString());
        }
        using var json = JsonDocument.Parse(list);
        var hello = Assert.Single(json.RootElement.GetProperty("functions").EnumerateArray());
        Assert.Equal("hello", hello.GetProperty("name").GetString());
        Assert.Equal(256, hello.GetProperty("memorySize").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", hello.GetProperty("codeSha256").GetString());
        Assert.Matches(@"(?m)^live\s+1\b", aliases);
    }

    [Fact]
    public async Task PublishWithoutCode_RegistrysDetailAndExitOne()
    {
        await RunOkAsync("functions", "create", "empty", "--runtime", "nodejs20.x", "--url", Url, "--key", ApiKey);

        var (exit, _, error) = await RunAsync("functions", "publish", "empty", "--url", Url, "--key", ApiKey);

        Assert.Equal(1, exit);
        Assert.Contains("NoCode", error);
    }

    private async Task<string> RunOkAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"edge {string.Join(' ', args)}: exit {exit}: {error}");
        return output;
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => EdgeCliProcess.RunAsync(_dir,
        new Dictionary<string, string?> { ["EDGE_CONFIG"] = Path.Combine(_dir, "cli.json"), ["EDGE_REGISTRY_URL"] = null, ["EDGE_API_KEY"] = null }, args);

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.StopAsync();
            await _registry.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
