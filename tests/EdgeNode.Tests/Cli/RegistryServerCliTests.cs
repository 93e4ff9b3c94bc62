using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary>
/// The <c>edge</c> program against the real registry (Origin.Sample's, SQLite in a temp folder, on
/// loopback): the path a user takes from a function folder to an alias.
/// </summary>
public sealed class RegistryServerCliTests : IAsyncLifetime
{
    private const string ApiKey = "cli-test-key";

    private RealRegistry? _registry;

    private string Url => _registry!.Url;

    private string Folder => _registry!.Directory;

    public async Task InitializeAsync() => _registry = await RealRegistry.StartAsync(ApiKey);

    [Fact]
    public async Task DeployPublishAliasThenList_FunctionHasCodeAndTheAliasPointsAtVersionOne()
    {
        var folder = Path.Combine(Folder, "hello");
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

    private Task<string> RunOkAsync(params string[] args) => _registry!.RunOkAsync(args);

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => _registry!.RunAsync(args);

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }
}
